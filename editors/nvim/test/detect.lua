-- Unit test of the plugin's AsyncAPI detection against the cases shared with
-- the VS Code and Emacs tests (editors/testdata/detect-cases.json).
--   nvim --headless -u NONE -i NONE -S editors/nvim/test/detect.lua
local here = debug.getinfo(1, 'S').source:sub(2):match('^(.*)/[^/]*$')
here = vim.fn.fnamemodify(here, ':p'):gsub('/$', '')
vim.opt.runtimepath:prepend(vim.fn.fnamemodify(here .. '/..', ':p'))
local detect = require('asyncapi-ls.detect')

local f = assert(io.open(here .. '/../../testdata/detect-cases.json', 'rb'))
local cases = vim.fn.json_decode(f:read('*a'))
f:close()

local passed, failed = 0, 0
for _, c in ipairs(cases) do
  local lines = vim.split(c.text, '\n', true)
  local ok, d = pcall(detect.detect, lines)
  local want_version = c.version ~= vim.NIL and c.version or nil
  local good = ok and ((d ~= nil) == c.isAsyncApi) and (d == nil or d.version == want_version)
  if good then
    passed = passed + 1
  else
    failed = failed + 1
    io.stdout:write(string.format('FAIL - %s: got %s, want isAsyncApi=%s version=%s\n', c.name, vim.inspect(d), tostring(c.isAsyncApi), tostring(want_version)))
  end
end
-- and the fixtures on disk
for name, want in pairs({ ['user-service.yaml'] = '3.0.0', ['user-service.json'] = '3.0.0', ['not-asyncapi.yaml'] = false }) do
  local d = detect.detect(vim.fn.readfile(here .. '/../../testdata/' .. name))
  if (want == false and d == nil) or (d and d.version == want) then
    passed = passed + 1
  else
    failed = failed + 1
    io.stdout:write('FAIL - fixture ' .. name .. ': ' .. vim.inspect(d) .. '\n')
  end
end
io.stdout:write(string.format('nvim detection: %d passed, %d failed\n', passed, failed))
vim.cmd(failed == 0 and 'qa!' or 'cquit 1')
