-- A pandoc filter for the PDF: where the pages' HTML says something Typst needs said differently.
-- It writes only fixed Typst calls (defined in documents.typ); data text stays in pandoc's own
-- elements, which pandoc's Typst writer escapes.

local CHART_SLOT = "DOCUMENT-CHART-SLOT"

-- The structure chart's place: the chart image with its alternative text, from the template.
function Para(element)
  if #element.content == 1 and element.content[1].t == "Str" and element.content[1].text == CHART_SLOT then
    return pandoc.RawBlock("typst", "#chart-image")
  end
end

-- Notes and warnings keep their look; their title (the first paragraph) is bold.
function Div(element)
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
end
