// typedEnum for Spectral's side of the conformance run: Spectral ships it
// only inside its OpenAPI ruleset, while asyncapi-ls has it as a core
// function. Every enum value of a schema must have one of the schema's types.
function jsonType(value, integers) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return integers && Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

module.exports = function typedEnum(input, _options, context) {
  if (input === null || typeof input !== 'object' || !Array.isArray(input.enum)) return;
  const types = typeof input.type === 'string' ? [input.type] : input.type;
  if (!Array.isArray(types) || !types.every(t => typeof t === 'string')) return;
  const results = [];
  input.enum.forEach((value, i) => {
    if (!types.includes(jsonType(value, types.includes('integer')))) {
      results.push({ message: `enum value ${i} is not ${types.join(', ')}`, path: [...context.path, 'enum', i] });
    }
  });
  return results;
};
