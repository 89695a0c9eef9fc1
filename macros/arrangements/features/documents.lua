-- `pandoc lua documents.lua < jobs.json`: every document's HTML converted in one pandoc process.
--
-- Why one process for many documents: starting pandoc (a large program) costs more than most conversions;
-- one process for a batch takes a third of the time, and each document's HTML is read once for both files.
-- A job (one document) is {name, html, typst, docx, title, subtitle, facts, sample, chart, chart_alt}:
-- `typst` and `docx` are where to write each file ("" when it is not wanted), `name` is what a failure
-- names, `chart` the chart's PNG for Word ("" when there is none).
--
-- Data text is only ever put into pandoc's own elements (Str, Para, Image, metadata strings), which
-- pandoc's writers escape; the only Typst written here are two fixed calls, defined in documents.typ.

local CHART_SLOT = "DOCUMENT-CHART-SLOT"

local function is_chart_slot(para)
  return #para.content == 1 and para.content[1].t == "Str" and para.content[1].text == CHART_SLOT
end

-- For the PDF: what the pages' HTML says that Typst needs said differently.
local typst_filter = {
  -- The structure chart's place: the chart image with its alternative text, from the template.
  Para = function(para)
    if is_chart_slot(para) then
      return pandoc.RawBlock("typst", "#chart-image")
    end
  end,

  -- Notes and warnings keep their look; their title (the first paragraph) is bold.
  Div = function(div)
    if not div.classes:includes("admonition") then
      return nil
    end
    local kind = div.classes:includes("warning") and "warning" or "note"
    local blocks = div.content
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

-- For Word: the chart as a picture whose description is the alternative text, its caption as a plain
-- paragraph after it. (Why not a figure: Word would take the caption as the picture's description.)
local function word_filter(job)
  local function chart(para)
    if not is_chart_slot(para) then
      return para
    elseif job.chart == "" then
      return {}
    end
    return pandoc.Para({pandoc.Image({pandoc.Str(job.chart_alt)}, job.chart)})
  end
  return {
    Para = chart,
    Figure = function(figure)
      if not figure.classes:includes("structure-chart") then
        return nil
      end
      local blocks = {}
      for _, block in ipairs(figure.content) do
        table.insert(blocks, block.t == "Para" and chart(block) or block)
      end
      for _, block in ipairs(figure.caption.long) do
        table.insert(blocks, pandoc.Para(block.content))
      end
      return blocks
    end,
  }
end

-- The Word file has no cover: the title block, the sample label and the cover's facts open it.
local function word_document(document, job)
  local word = document:walk(word_filter(job))
  local opening = {}
  if job.sample ~= "" then
    table.insert(opening, pandoc.Para({pandoc.Strong({pandoc.Str(job.sample)})}))
  end
  for _, fact in ipairs(job.facts) do
    table.insert(opening, pandoc.Para({pandoc.Str(fact[1] .. ": " .. fact[2])}))
  end
  for _, block in ipairs(word.blocks) do
    table.insert(opening, block)
  end
  word.blocks = opening
  -- Plain strings: the title block shows them as written, never read as Markdown.
  word.meta.lang = "en-GB"
  word.meta.title = job.title
  word.meta.subtitle = job.subtitle
  return word
end

local function write(path, text)
  local file = assert(io.open(path, "wb"))
  file:write(text)
  file:close()
end

local function convert(job)
  local document = pandoc.read(job.html, "html")
  if job.typst ~= "" then
    write(job.typst, pandoc.write(document:walk(typst_filter), "typst"))
  end
  if job.docx ~= "" then
    write(job.docx, pandoc.write(word_document(document, job), "docx"))
  end
end

for _, job in ipairs(pandoc.json.decode(io.read("a"), false)) do
  local ok, message = pcall(convert, job)
  if not ok then
    -- One line for the build's message: the document, then what went wrong.
    io.stderr:write(job.name .. ": " .. tostring(message):gsub("%s+", " ") .. "\n")
    os.exit(1)
  end
end
