-- Content-based detection of AsyncAPI documents: a YAML or JSON buffer whose
-- root mapping has an `asyncapi` key. Pure Lua (no vim API) so the same code
-- runs in any Neovim version and in tests.
local M = {}

local function trim(s)
  return (s:gsub('^%s+', ''):gsub('%s+$', ''))
end

-- The scalar written after "asyncapi:", or nil when empty / not a scalar.
local function yaml_scalar(rest)
  local s = trim(rest)
  -- an anchor or a tag before the value
  while s:match('^[&!]%S*%s+') do
    s = s:gsub('^[&!]%S*%s+', '', 1)
  end
  local q = s:sub(1, 1)
  if q == '"' or q == "'" then
    local e = s:find(q, 2, true)
    if e and e > 2 then
      return s:sub(2, e - 1)
    end
    return nil
  end
  local hash = s:find('%s#')
  if hash then
    s = s:sub(1, hash - 1)
  end
  s = trim(s)
  if s == '' or s:match('^[#%[{|>*]') then
    return nil
  end
  return s
end

local function is_doc_marker(line)
  return line == '---' or line:match('^%-%-%-%s') ~= nil
end

local function scan_block_yaml(lines)
  local seen = false
  for _, raw in ipairs(lines) do
    local line = raw:gsub('\r$', '')
    if is_doc_marker(line) then
      if seen then
        return nil
      end
    elseif line == '...' or line:match('^%.%.%.%s') then
      return nil
    elseif not (line:match('^%s*$') or line:match('^%s*#') or line:match('^%%')) then
      seen = true
      if not line:match('^%s') then
        for _, key in ipairs({ 'asyncapi', '"asyncapi"', "'asyncapi'" }) do
          if line:sub(1, #key) == key then
            local after = line:sub(#key + 1)
            local rest = after:match('^[ \t]*:[ \t]+(.*)$') or (after:match('^[ \t]*:[ \t]*$') and '')
            if rest then
              return { version = yaml_scalar(rest), format = 'yaml' }
            end
          end
        end
      end
    end
  end
  return nil
end

-- JSON or a YAML flow mapping: walk the top-level object's keys.
local function scan_flow(text, start)
  local i = start + 1
  local n = #text

  local function skip_space()
    while i <= n do
      local c = text:sub(i, i)
      if c == ' ' or c == '\t' or c == '\n' or c == '\r' or c == ',' then
        i = i + 1
      elseif c == '/' and text:sub(i + 1, i + 1) == '/' or c == '#' then
        local e = text:find('\n', i, true)
        i = e and e or n + 1
      elseif c == '/' and text:sub(i + 1, i + 1) == '*' then
        local _, e = text:find('*/', i + 2, true)
        i = e and e + 1 or n + 1
      else
        return
      end
    end
  end

  local function read_quoted()
    local q = text:sub(i, i)
    local out = {}
    i = i + 1
    while i <= n do
      local c = text:sub(i, i)
      if c == '\\' and q == '"' then
        out[#out + 1] = text:sub(i + 1, i + 1)
        i = i + 2
      elseif c == q then
        if q == "'" and text:sub(i + 1, i + 1) == "'" then
          out[#out + 1] = "'"
          i = i + 2
        else
          i = i + 1
          return table.concat(out)
        end
      else
        out[#out + 1] = c
        i = i + 1
      end
    end
    return nil
  end

  local function read_plain(stops)
    local from = i
    while i <= n do
      local c = text:sub(i, i)
      if c == '\n' or stops:find(c, 1, true) then
        break
      end
      i = i + 1
    end
    return trim(text:sub(from, i - 1))
  end

  local function skip_value()
    skip_space()
    local c = text:sub(i, i)
    if c == '"' or c == "'" then
      read_quoted()
    elseif c == '{' or c == '[' then
      local depth = 0
      while i <= n do
        local d = text:sub(i, i)
        if d == '"' or d == "'" then
          read_quoted()
        else
          if d == '{' or d == '[' then
            depth = depth + 1
          elseif d == '}' or d == ']' then
            depth = depth - 1
            if depth == 0 then
              i = i + 1
              return
            end
          end
          i = i + 1
        end
      end
    else
      read_plain(',}')
    end
  end

  while i <= n do
    skip_space()
    if i > n or text:sub(i, i) == '}' then
      return nil
    end
    local key
    local c = text:sub(i, i)
    if c == '"' or c == "'" then
      key = read_quoted()
    else
      key = read_plain(':,}')
    end
    if key == nil then
      return nil
    end
    skip_space()
    if text:sub(i, i) == ':' then
      i = i + 1
      if key == 'asyncapi' then
        skip_space()
        local v = text:sub(i, i)
        local version
        if v == '"' or v == "'" then
          version = read_quoted()
        elseif v ~= '{' and v ~= '[' then
          version = read_plain(',}')
          if version == 'null' then
            version = nil
          end
        end
        if version == '' then
          version = nil
        end
        return { version = version, format = 'json' }
      end
      skip_value()
    elseif text:sub(i, i) == '}' then
      return nil
    end
  end
  return nil
end

--- Detects an AsyncAPI document.
--- @param lines string[] the buffer's lines
--- @return table|nil { version = "3.0.0"|nil, format = "yaml"|"json" } or nil
function M.detect(lines)
  if #lines == 0 then
    return nil
  end
  local first = lines[1]
  if first:sub(1, 3) == '\239\187\191' then -- UTF-8 byte order mark
    lines = { first:sub(4), unpack(lines, 2) }
  end
  -- first significant line: skip blanks, comments, directives, a bare ---
  for idx, line in ipairs(lines) do
    local t = trim(line)
    if not (t == '' or t:sub(1, 1) == '#' or line:sub(1, 1) == '%' or is_doc_marker(line) and trim(line:sub(4)) == '') then
      local body = line
      if is_doc_marker(line) then
        body = line:sub(4)
      end
      if trim(body):sub(1, 1) == '{' then
        local rest = { body }
        for j = idx + 1, #lines do
          rest[#rest + 1] = lines[j]
        end
        local text = table.concat(rest, '\n')
        return scan_flow(text, text:find('{', 1, true))
      end
      break
    end
  end
  return scan_block_yaml(lines)
end

return M
