-- asyncapi-ls for Neovim: starts the AsyncAPI language server for YAML/JSON
-- buffers whose root has an `asyncapi` key.
--
--   require('asyncapi-ls').setup({})
--
-- Works on Neovim 0.7 (vim.lsp.start_client + vim.lsp.buf_attach_client) and
-- on 0.8 and later (vim.lsp.start).
local detect = require('asyncapi-ls.detect')

local M = {}

local defaults = {
  name = 'asyncapi-ls',
  -- The server executable and its arguments.
  cmd = { 'asyncapi-ls', '--stdio' },
  -- Filetypes whose buffers are checked for a root `asyncapi` key.
  filetypes = { 'yaml', 'json', 'jsonc' },
  -- Files or folders that mark a project root (searched upwards).
  root_markers = { '.git', 'asyncapi.yaml', 'asyncapi.yml', 'asyncapi.json' },
  -- Answered to the server's workspace/configuration requests; the server
  -- reads the `asyncapi` section.
  settings = { asyncapi = {} },
  init_options = nil,
  capabilities = nil,
  on_init = nil,
  on_attach = nil,
  handlers = nil,
  -- Re-check a buffer when it is written or Insert mode ends, so a buffer
  -- that becomes an AsyncAPI document gets the server without reopening.
  recheck = true,
  -- How :AsyncApiPreview opens the page the server serves: nil uses
  -- vim.ui.open (Neovim 0.10+), then xdg-open / open; a function gets the
  -- URL; a list is a command the URL is appended to.
  preview_open = nil,
}

M.config = vim.deepcopy(defaults)

-- Neovim 0.7: client ids we started, by root folder.
local clients_by_root = {}
-- Detection result per attached buffer (for :AsyncApiInfo and the statusline).
local attached = {}

local uv = vim.loop

-- Client methods are called with `:` from Neovim 0.11 on, with `.` before.
local method_style = vim.fn.has('nvim-0.11') == 1
local function call(client, name, ...)
  if method_style then
    return client[name](client, ...)
  end
  return client[name](...)
end

local function notify(msg, level)
  vim.notify('[asyncapi-ls] ' .. msg, level or vim.log.levels.INFO)
end

local function buf_lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

--- Returns the detection of the buffer ({version=, format=}) or nil.
function M.detect(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return detect.detect(buf_lines(bufnr))
end

local function dirname(path)
  return path:match('^(.*)/[^/]*$') or '.'
end

local function find_root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return uv.cwd()
  end
  local dir = dirname(name)
  local cur = dir
  while cur and cur ~= '' do
    for _, marker in ipairs(M.config.root_markers) do
      if uv.fs_stat(cur .. '/' .. marker) then
        return cur
      end
    end
    local parent = dirname(cur)
    if parent == cur or parent == '.' then
      break
    end
    cur = parent
  end
  return dir
end

local function capabilities()
  local caps = vim.deepcopy(M.config.capabilities or vim.lsp.protocol.make_client_capabilities())
  -- Neovim's default handler answers workspace/configuration from `settings`.
  caps.workspace = caps.workspace or {}
  caps.workspace.configuration = true
  return caps
end

local function client_config(root)
  local cfg = M.config
  return {
    name = cfg.name,
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = cfg.settings,
    init_options = cfg.init_options,
    capabilities = capabilities(),
    handlers = cfg.handlers,
    on_init = function(client, result)
      -- Neovim answers workspace/configuration from `settings`, but 0.7
      -- neither says so in its capabilities nor pushes the settings: push
      -- them once, as servers expect after initialization.
      if cfg.settings and next(cfg.settings) then
        call(client, 'notify', 'workspace/didChangeConfiguration', { settings = cfg.settings })
      end
      if cfg.on_init then
        cfg.on_init(client, result)
      end
    end,
    on_attach = function(client, bufnr)
      if cfg.on_attach then
        cfg.on_attach(client, bufnr)
      end
    end,
    on_exit = function(code, signal)
      if code ~= 0 then
        vim.schedule(function()
          notify(string.format('server exited with code %d (signal %d); :AsyncApiRestart starts it again', code, signal or 0), vim.log.levels.WARN)
        end)
      end
    end,
  }
end

local function client_alive(id)
  local client = vim.lsp.get_client_by_id(id)
  return client ~= nil and not call(client, 'is_stopped')
end

--- Starts (or reuses) the server for the buffer and attaches it. Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = find_root(bufnr)
  local id
  if vim.lsp.start then
    id = vim.lsp.start(client_config(root), { bufnr = bufnr })
  else
    id = clients_by_root[root]
    if not (id and client_alive(id)) then
      id = vim.lsp.start_client(client_config(root))
      clients_by_root[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end
  if not id then
    notify('could not start ' .. tostring(M.config.cmd[1]) .. '; is it installed and on PATH?', vim.log.levels.ERROR)
  end
  return id
end

--- Checks the buffer and attaches the server when it is an AsyncAPI document.
function M.maybe_attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= '' then
    return
  end
  if not vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
    return
  end
  local d = M.detect(bufnr)
  if d then
    attached[bufnr] = d
    if vim.fn.executable(M.config.cmd[1]) ~= 1 then
      notify(M.config.cmd[1] .. ' is not executable; set cmd in setup{}', vim.log.levels.ERROR)
      return
    end
    return M.attach(bufnr)
  end
end

local function our_clients()
  local list = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  return vim.tbl_filter(function(c)
    return c.name == M.config.name
  end, list)
end

--- Stops the server(s) and starts them again for every AsyncAPI buffer.
function M.restart()
  for _, c in ipairs(our_clients()) do
    call(c, 'stop')
  end
  clients_by_root = {}
  local bufs = vim.tbl_keys(attached)
  attached = {}
  vim.defer_fn(function()
    for _, b in ipairs(bufs) do
      M.maybe_attach(b)
    end
  end, 500)
end

--- "AsyncAPI 3.0.0" for the current buffer, or "" (for a statusline).
function M.status(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local d = attached[bufnr]
  if not d then
    return ''
  end
  return d.version and ('AsyncAPI ' .. d.version) or 'AsyncAPI'
end

-- Opens url as configured (see preview_open).
local function open_url(url)
  local how = M.config.preview_open
  if type(how) == 'function' then
    return how(url)
  end
  local cmd = type(how) == 'table' and vim.list_extend(vim.deepcopy(how), { url }) or nil
  if not cmd then
    if vim.ui.open then
      return vim.ui.open(url)
    end
    local opener = vim.fn.executable('xdg-open') == 1 and 'xdg-open' or (vim.fn.executable('open') == 1 and 'open' or nil)
    if not opener then
      return
    end
    cmd = { opener, url }
  end
  vim.fn.jobstart(cmd, { detach = true })
end

--- Asks the server for the live documentation page of the buffer (it follows
--- the buffer as you type), opens it and returns nothing; on_url(url) is
--- called with the URL when given.
function M.preview(bufnr, on_url)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client
  for _, c in ipairs(our_clients()) do
    if vim.lsp.buf_is_attached and vim.lsp.buf_is_attached(bufnr, c.id) or (c.attached_buffers and c.attached_buffers[bufnr]) then
      client = c
    end
  end
  if not client then
    notify('no asyncapi-ls client on this buffer', vim.log.levels.WARN)
    return
  end
  local params = {
    command = 'asyncapi.preview',
    -- open = false: the editor opens the page, with the configured opener.
    arguments = { vim.uri_from_bufnr(bufnr), { open = false } },
  }
  call(client, 'request', 'workspace/executeCommand', params, function(err, result)
    if err or type(result) ~= 'table' or type(result.url) ~= 'string' then
      notify('preview failed: ' .. vim.inspect(err or result), vim.log.levels.ERROR)
      return
    end
    notify('preview at ' .. result.url)
    open_url(result.url)
    if on_url then
      on_url(result.url)
    end
  end, bufnr)
end

local function info()
  local lines = {}
  local d = M.detect(0)
  lines[#lines + 1] = d and ('buffer: AsyncAPI ' .. (d.version or '(no version)') .. ' (' .. d.format .. ')') or 'buffer: not an AsyncAPI document'
  lines[#lines + 1] = 'cmd: ' .. table.concat(M.config.cmd, ' ')
  for _, c in ipairs(our_clients()) do
    lines[#lines + 1] = string.format('client %d: root %s%s', c.id, tostring(c.config.root_dir), call(c, 'is_stopped') and ' (stopped)' or '')
  end
  print(table.concat(lines, '\n'))
end

function M.setup(opts)
  opts = opts or {}
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts)
  -- Lists replace the defaults instead of being merged index by index.
  for _, key in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if opts[key] then
      M.config[key] = opts[key]
    end
  end
  local group = vim.api.nvim_create_augroup('asyncapi-ls', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.maybe_attach(args.buf)
    end,
  })
  if M.config.recheck then
    vim.api.nvim_create_autocmd({ 'BufWritePost', 'InsertLeave' }, {
      group = group,
      callback = function(args)
        if not attached[args.buf] then
          M.maybe_attach(args.buf)
        end
      end,
    })
  end
  vim.api.nvim_create_autocmd('BufWipeout', {
    group = group,
    callback = function(args)
      attached[args.buf] = nil
    end,
  })
  vim.api.nvim_create_user_command('AsyncApiRestart', M.restart, { desc = 'Restart asyncapi-ls' })
  vim.api.nvim_create_user_command('AsyncApiInfo', info, { desc = 'Show asyncapi-ls state' })
  vim.api.nvim_create_user_command('AsyncApiPreview', function()
    M.preview(0)
  end, { desc = 'Open the live documentation page of the buffer' })
  -- Buffers that were loaded before setup().
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) then
      M.maybe_attach(b)
    end
  end
end

return M
