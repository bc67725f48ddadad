// Counts the channels, operations and messages a documentation page shows,
// for asyncapi-ls's page and for the official HTML template's.
//
//   node count.cjs ours|official PAGE.html   -> {"channels": …, "operations": …, "messages": …}
const fs = require('node:fs');

const [kind, file] = process.argv.slice(2);
let html = fs.readFileSync(file, 'utf8');
// Only the markup: scripts and styles may quote anything.
html = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
const count = (re) => (html.match(re) || []).length;
let result;
if (kind === 'ours') {
  result = {
    channels: count(/<article id="[^"]*" class="card channel"/g),
    operations: count(/<div id="[^"]*" class="op (send|receive)"/g),
    messages: count(/<article id="[^"]*" class="card message"/g),
  };
} else if (kind === 'official') {
  // The React component (asyncapi-react) lists operations and messages in
  // its sidebar; each operation's section names its channel's address in
  // the ids of its parts ("operation-send-ADDRESS-message").
  const addresses = new Set();
  for (const m of html.matchAll(/id="operation-(?:send|receive|publish|subscribe)-([^"]*?)-(?:message|parameters|security|bindings)"/g)) {
    addresses.add(m[1]);
  }
  // Its Messages section lists the component messages only; a message
  // written inside a channel shows under its operation. Every message block
  // names its id ("Message ID …"): the distinct ids are the messages shown.
  const ids = new Set([...html.matchAll(/Message ID<span[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]));
  result = {
    channels: addresses.size,
    operations: count(/<li><a [^>]*href="#operation-[^"]*"/g),
    messages: ids.size,
    messagesSection: count(/<li><a [^>]*href="#message-[^"]*"/g),
  };
} else {
  process.stderr.write('usage: node count.cjs ours|official PAGE.html\n');
  process.exit(2);
}
process.stdout.write(JSON.stringify(result) + '\n');
