-- End-to-end test in real headless Neovim (0.7.2 on Debian, and later):
-- the plugin detects the AsyncAPI buffer, starts asyncapi-ls, and the test
-- waits for diagnostics, asks for completion, then jumps to a $ref's
-- definition. Run by editors/test.sh:
--
--   ASYNCAPI_LS_BIN=/path/to/asyncapi-ls nvim --headless -u NONE -i NONE -S editors/nvim/test/e2e.lua
--
-- The exit code carries the verdict (0 passed, 1 failed).
local here = debug.getinfo(1, 'S').source:sub(2):match('^(.*)/[^/]*$')
here = vim.fn.fnamemodify(here, ':p'):gsub('/$', '')
local plugin_root = vim.fn.fnamemodify(here .. '/..', ':p'):gsub('/$', '')
local testdata = vim.fn.fnamemodify(here .. '/../../testdata', ':p'):gsub('/$', '')
local bin = os.getenv('ASYNCAPI_LS_BIN') or ''
local WAIT = tonumber(os.getenv('ASYNCAPI_LS_WAIT_MS') or '') or 15000

local passed, failed = 0, 0

local function log(msg)
  io.stdout:write(msg .. '\n')
end

local function finish()
  log(string.format('nvim %s: %d passed, %d failed', tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch), passed, failed))
  if failed > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qa!')
  end
end

-- Runs one named check; an error (or a failed assert) marks it failed.
local function check(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    passed = passed + 1
    log('ok   - ' .. name)
  else
    failed = failed + 1
    log('FAIL - ' .. name .. '\n' .. tostring(err))
  end
  return ok
end

local function find_line(bufnr, pattern, plain, last)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local found
  for i, l in ipairs(lines) do
    if l:find(pattern, 1, plain) then
      found = i - 1
      if not last then
        return found
      end
    end
  end
  assert(found, 'fixture has no line matching ' .. pattern)
  return found
end

local function buf_clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
end

local function results_of(responses)
  local out = {}
  for _, r in pairs(responses or {}) do
    if r.error then
      error('server error: ' .. vim.inspect(r.error))
    end
    out[#out + 1] = r.result
  end
  return out
end

-- Overall watchdog: never hang CI.
vim.defer_fn(function()
  log('FAIL - watchdog: test took longer than 90 s')
  vim.cmd('cquit 2')
end, 90000)

vim.opt.runtimepath:prepend(plugin_root)
vim.cmd('filetype on')
vim.lsp.set_log_level('warn')

local setup_ok = check('binary and setup', function()
  assert(bin ~= '', 'set ASYNCAPI_LS_BIN')
  assert(vim.fn.executable(bin) == 1, bin .. ' is not executable')
  require('asyncapi-ls').setup({
    cmd = { bin, '--stdio' },
    -- asyncapi-servers is a warning by default; the check below proves the
    -- settings reach the server.
    settings = { asyncapi = { rules = { ['asyncapi-servers'] = 'hint' } } },
    -- :AsyncApiPreview hands the server's URL here instead of a browser.
    preview_open = function(url)
      _G.asyncapi_opened_url = url
    end,
  })
end)
if not setup_ok then
  finish()
  return
end

-- 1. A non-AsyncAPI YAML file gets no client.
vim.cmd('edit ' .. vim.fn.fnameescape(testdata .. '/not-asyncapi.yaml'))
local other = vim.api.nvim_get_current_buf()

-- 2. The AsyncAPI fixture gets one.
vim.cmd('edit ' .. vim.fn.fnameescape(testdata .. '/user-service.yaml'))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)

check('filetype is yaml and the buffer is detected as AsyncAPI 3.0.0', function()
  assert(vim.bo[buf].filetype == 'yaml', 'filetype: ' .. vim.bo[buf].filetype)
  assert(require('asyncapi-ls').status(buf) == 'AsyncAPI 3.0.0', 'status: ' .. require('asyncapi-ls').status(buf))
end)

check('the client attaches and initializes', function()
  local ok = vim.wait(WAIT, function()
    local cs = buf_clients(buf)
    return #cs > 0 and type(cs[1].server_capabilities) == 'table' and next(cs[1].server_capabilities) ~= nil
  end, 50)
  assert(ok, 'no initialized asyncapi-ls client on the buffer')
  assert(buf_clients(buf)[1].name == 'asyncapi-ls')
end)

check('no client on the OpenAPI buffer', function()
  assert(#buf_clients(other) == 0, 'a client attached to not-asyncapi.yaml')
end)

check('diagnostics arrive for the known error', function()
  local adress = find_line(buf, '^%s+adress:')
  local ok = vim.wait(WAIT, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  assert(ok, 'no diagnostics within ' .. WAIT .. ' ms')
  local diags = vim.diagnostic.get(buf)
  local hit
  for _, d in ipairs(diags) do
    if d.lnum == adress then
      hit = d
    elseif d.severity == vim.diagnostic.severity.ERROR then
      error('unexpected error on line ' .. (d.lnum + 1) .. ': ' .. d.message)
    end
  end
  assert(hit, 'no diagnostic on line ' .. (adress + 1) .. ': ' .. vim.inspect(diags))
  assert(hit.source == 'asyncapi', 'source: ' .. tostring(hit.source))
  local code = hit.code or (hit.user_data and hit.user_data.lsp and hit.user_data.lsp.code)
  assert(code ~= nil and code ~= '', 'diagnostic has no code')
  log('     diagnostic: ' .. (hit.lnum + 1) .. ':' .. (hit.col + 1) .. ' [' .. tostring(code) .. '] ' .. hit.message)
end)

check('settings reach the server (asyncapi.rules)', function()
  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local ok = vim.wait(WAIT, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'asyncapi-servers' and d.severity == vim.diagnostic.severity.HINT then
        return true
      end
    end
    return false
  end, 50)
  assert(ok, 'no asyncapi-servers hint: ' .. vim.inspect(vim.tbl_map(function(d)
    return { code_of(d), d.severity }
  end, vim.diagnostic.get(buf))))
end)

check('completion inside info: offers info keys', function()
  local line = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
  assert(line == '  ', 'fixture line 5 must be two spaces inside info:')
  local caps = buf_clients(buf)[1].server_capabilities or {}
  assert(caps.completionProvider, 'the server does not announce completionProvider')
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = 4, character = 2 },
  }, WAIT)
  local labels = {}
  for _, result in ipairs(results_of(responses)) do
    for _, item in ipairs(result.items or result) do
      labels[item.label] = true
    end
  end
  for _, want in ipairs({ 'description', 'license', 'contact' }) do
    assert(labels[want], 'completion lacks ' .. want .. ': ' .. vim.inspect(vim.tbl_keys(labels)))
  end
  for _, bad in ipairs({ 'channels', 'asyncapi', 'address' }) do
    assert(not labels[bad], 'completion inside info: offers ' .. bad)
  end
end)

check('go to definition of a local $ref (request and real jump)', function()
  local ref = find_line(buf, "$ref: '#/components/messages/UserSignedUp'", true)
  local target = find_line(buf, '^    UserSignedUp:$', false, true)
  local col = vim.api.nvim_buf_get_lines(buf, ref, ref + 1, false)[1]:find('UserSignedUp', 1, true) + 1
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/definition', {
    textDocument = { uri = uri },
    position = { line = ref, character = col },
  }, WAIT)
  local results = results_of(responses)
  assert(#results == 1 and results[1] ~= vim.NIL, 'no definition result: ' .. vim.inspect(responses))
  local loc = results[1]
  if loc[1] then
    assert(#loc == 1, 'expected one location: ' .. vim.inspect(loc))
    loc = loc[1]
  end
  local range = loc.range or loc.targetSelectionRange or loc.targetRange
  assert((loc.uri or loc.targetUri) == uri, 'definition in another file: ' .. vim.inspect(loc))
  assert(range.start.line == target, 'definition on line ' .. (range.start.line + 1) .. ', want ' .. (target + 1))
  -- What a user gets with gd / :lua vim.lsp.buf.definition()
  vim.api.nvim_win_set_cursor(0, { ref + 1, col })
  vim.lsp.buf.definition()
  local ok = vim.wait(WAIT, function()
    return vim.api.nvim_win_get_cursor(0)[1] == target + 1
  end, 50)
  assert(ok, 'cursor did not move to line ' .. (target + 1) .. ' (at ' .. vim.api.nvim_win_get_cursor(0)[1] .. ')')
end)

check('fixing the error clears the diagnostic', function()
  local adress = find_line(buf, '^%s+adress:')
  local before = vim.tbl_filter(function(d)
    return d.lnum == adress
  end, vim.diagnostic.get(buf))
  assert(#before > 0, 'precondition: a diagnostic on the adress line')
  vim.api.nvim_buf_set_lines(buf, adress, adress + 1, false, { '    address: user/signedup' })
  local ok = vim.wait(WAIT, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == adress then
        return false
      end
    end
    return true
  end, 50)
  assert(ok, 'diagnostic still there: ' .. vim.inspect(vim.diagnostic.get(buf)))
end)

check(':AsyncApiInfo and :AsyncApiRestart', function()
  local info = vim.api.nvim_exec('AsyncApiInfo', true)
  assert(info:find('buffer: AsyncAPI 3.0.0', 1, true), info)
  assert(info:find('client %d+: root '), info)
  local old = buf_clients(buf)[1].id
  vim.cmd('AsyncApiRestart')
  local ok = vim.wait(WAIT, function()
    local cs = buf_clients(buf)
    return #cs == 1 and cs[1].id ~= old and type(cs[1].server_capabilities) == 'table'
      and next(cs[1].server_capabilities) ~= nil
  end, 50)
  assert(ok, 'no new client after :AsyncApiRestart')
  -- the new server got the buffer: it answers about it
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = find_line(buf, "$ref: '#/components/messages/UserSignedUp'", true), character = 20 },
  }, WAIT)
  assert(#results_of(responses) == 1, 'no hover from the restarted server: ' .. vim.inspect(responses))
end)

-- GET url with python3 (on every machine the editor tests run on): status
-- and body.
local function http_get(url)
  local out = vim.fn.system({ 'python3', '-c', [[
import sys, urllib.request, urllib.error
try:
    r = urllib.request.urlopen(sys.argv[1], timeout=10)
    sys.stdout.write(str(r.status) + "\n" + r.read().decode())
except urllib.error.HTTPError as e:
    sys.stdout.write(str(e.code) + "\n")
]], url })
  local status, body = out:match('^(%d+)\n(.*)$')
  return tonumber(status), body or ''
end

check(':AsyncApiPreview opens the live page, which follows the buffer', function()
  _G.asyncapi_opened_url = nil
  vim.cmd('AsyncApiPreview')
  assert(vim.wait(WAIT, function()
    return _G.asyncapi_opened_url ~= nil
  end, 50), 'no URL opened')
  local url = _G.asyncapi_opened_url
  assert(url:match('^http://127%.0%.0%.1:%d+/[%w_-]+/d/%d+/$'), 'URL ' .. url)
  local status, body = http_get(url)
  assert(status == 200, 'GET ' .. url .. ': ' .. tostring(status))
  assert(body:find('<h1>User service', 1, true), 'the page lacks the title')
  local forbidden = http_get((url:gsub('/[%w_-]+/d/', '/d/', 1)))
  assert(forbidden == 403, 'without the token: ' .. tostring(forbidden))
  -- An unsaved edit reaches the page.
  local title = find_line(buf, '^  title:')
  vim.api.nvim_buf_set_lines(buf, title, title + 1, false, { '  title: Edited in Neovim' })
  local seen = vim.wait(WAIT, function()
    local _, b = http_get(url .. 'page')
    return b:find('Edited in Neovim', 1, true) ~= nil
  end, 200)
  assert(seen, 'the page does not follow the buffer')
  log('     preview: ' .. url)
end)

check('the server stops cleanly', function()
  local clients = buf_clients(buf)
  assert(#clients > 0, 'no client to stop')
  for _, c in ipairs(clients) do
    c.stop()
  end
  local ok = vim.wait(5000, function()
    for _, c in ipairs(clients) do
      if not c.is_stopped() then
        return false
      end
    end
    return true
  end, 50)
  assert(ok, 'client did not stop')
end)

finish()
