-- Drive resolint's language server from a real Neovim (0.7+), headless, through the
-- setup the documentation shows (docs/editors.md): RESOLINT_SNIPPET is that snippet, as
-- extracted by the test, and `resolint` is on PATH. Environment: RESOLINT_OUT (folder for
-- results), RESOLINT_CODE (the code whose quick fix to apply). Writes diagnostics.json and
-- result.txt, then quits.
vim.o.swapfile = false
vim.o.shadafile = "NONE"

local out = os.getenv("RESOLINT_OUT")
local code = os.getenv("RESOLINT_CODE") or "PRE004"

local function write(name, text)
  local f = assert(io.open(out .. "/" .. name, "w"))
  f:write(text)
  f:close()
end

local function fail(msg)
  write("error.txt", msg)
  vim.cmd("cq!")
end

dofile(os.getenv("RESOLINT_SNIPPET"))

-- Pick our quick fix from the menu as a user would (the menu is vim.ui.select).
vim.ui.select = function(items, opts, on_choice)
  for i, item in ipairs(items) do
    local action = item[2] or item.action or item
    if action.title and action.title:find("resolint (" .. code .. ")", 1, true) == 1 then
      return on_choice(item, i)
    end
  end
  fail("no quick fix for " .. code .. " among " .. vim.inspect(items))
end

local phase = "wait-diagnostics"
local started = vim.loop.now()
local before
local timer = vim.loop.new_timer()
timer:start(100, 100, vim.schedule_wrap(function()
  if vim.loop.now() - started > 30000 then
    timer:stop()
    return fail("timed out in phase " .. phase)
  end
  local bufnr = vim.api.nvim_get_current_buf()
  if phase == "wait-diagnostics" then
    local diags = vim.diagnostic.get(bufnr)
    for _, d in ipairs(diags) do
      if d.code == code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == code) then
        local simple = {}
        for _, x in ipairs(diags) do
          table.insert(simple, { lnum = x.lnum, col = x.col, message = x.message,
            code = x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code) })
        end
        write("diagnostics.json", vim.fn.json_encode(simple))
        vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
        before = vim.api.nvim_buf_get_changedtick(bufnr)
        phase = "wait-edit"
        vim.lsp.buf.code_action({ context = { only = { "quickfix" } } })
        return
      end
    end
  elseif phase == "wait-edit" then
    if vim.api.nvim_buf_get_changedtick(bufnr) ~= before then
      timer:stop()
      local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
      write("result.txt", table.concat(lines, "\n") .. "\n")
      vim.cmd("qa!")
    end
  end
end))
