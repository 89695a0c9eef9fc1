-- `pandoc lua documents.lua < jobs.json`: every document's HTML converted in one pandoc process.
--
-- Why one process for many documents: starting pandoc (a large program) costs more than most conversions;
-- one process for a batch takes a third of the time. Each job is {kind = "typst" | "docx", name, html, out}
-- (and title and subtitle for Word); the result is written to `out`, `name` is what a failure names.
--
-- For Typst, a filter says what the pages' HTML says differently. It writes only two fixed calls (defined
-- in documents.typ); data text stays in pandoc's own elements, which pandoc's writers escape.

local CHART_SLOT = "DOCUMENT-CHART-SLOT"

local typst_filter = {
  -- The structure chart's place: the chart image with its alternative text, from the template.
  Para = function(element)
    if #element.content == 1 and element.content[1].t == "Str" and element.content[1].text == CHART_SLOT then
      return pandoc.RawBlock("typst", "#chart-image")
    end
  end,

  -- Notes and warnings keep their look; their title (the first paragraph) is bold.
  Div = function(element)
    if not element.classes:includes("admonition") then
      return nil
    end
    local kind = element.classes:includes("warning") and "warning" or "note"
    local blocks = element.content
    if blocks[1] and blocks[1].t == "Para" then
      blocks[1] = pandoc.Para({pandoc.Strong(blocks[1].content)})
    end
    local out = {pandoc.RawBlock("typst", '#admonition("' .. kind .. '")[')}
    for _, block in ipairs(blocks) do
      table.insert(out, block)
    end
    table.insert(out, pandoc.RawBlock("typst", "]"))
    return out
  end,
}

local function convert(job)
  local document = pandoc.read(job.html, "html")
  if job.kind == "typst" then
    return pandoc.write(document:walk(typst_filter), "typst")
  end
  -- Plain strings: the Word file's title block shows them as written, never read as Markdown.
  document.meta.lang = "en-GB"
  document.meta.title = job.title
  document.meta.subtitle = job.subtitle
  return pandoc.write(document, "docx")
end

for _, job in ipairs(pandoc.json.decode(io.read("a"), false)) do
  local ok, result = pcall(convert, job)
  if not ok then
    -- One line for the build's message: the file, then what went wrong.
    io.stderr:write(job.name .. ": " .. tostring(result):gsub("%s+", " ") .. "\n")
    os.exit(1)
  end
  local file = assert(io.open(job.out, "wb"))
  file:write(result)
  file:close()
end
