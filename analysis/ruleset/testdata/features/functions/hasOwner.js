// A JavaScript function: Spectral runs it, asyncapi-ls reports that it
// does not and skips the one rule that calls it.
module.exports = function hasOwner(input) {
  if (!input || !input['x-owner']) return [{ message: 'no owner' }];
};
