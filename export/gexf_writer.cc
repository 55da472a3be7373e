#include "export/gexf_writer.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "export/graph_columns.h"
#include "export/graph_style.h"
#include "export/ordered_chunks.h"
#include "export/text_escape.h"

namespace actorgraph {
namespace {

namespace chr = std::chrono;

struct DayInterval {
  chr::sys_days start;
  chr::sys_days end;
};

std::optional<int> Digits(std::string_view text) {
  int value = 0;
  if (text.empty()) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// "2024" -> the whole year, "2024-03" -> the whole month, "2024-03-05" -> that day.
std::optional<DayInterval> IntervalOf(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return std::nullopt;
  std::optional<int> year = Digits(date.substr(0, 4));
  if (!year) return std::nullopt;
  chr::year y{*year};
  if (date.size() == 4) {
    return DayInterval{chr::sys_days{y / chr::January / 1}, chr::sys_days{y / chr::December / 31}};
  }
  if (date[4] != '-') return std::nullopt;
  std::optional<int> month = Digits(date.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  chr::year_month ym = y / chr::month{static_cast<unsigned>(*month)};
  if (date.size() == 7) {
    return DayInterval{chr::sys_days{ym / 1}, chr::sys_days{ym / chr::last}};
  }
  if (date[7] != '-') return std::nullopt;
  std::optional<int> day = Digits(date.substr(8, 2));
  if (!day || *day < 1) return std::nullopt;
  chr::year_month_day ymd = ym / chr::day{static_cast<unsigned>(*day)};
  if (!ymd.ok()) return std::nullopt;
  return DayInterval{chr::sys_days{ymd}, chr::sys_days{ymd}};
}

// YYYY-MM-DD. Digits by hand: snprintf was a third of the cost of writing a GEXF file. The
// year has four digits because every interval comes from IntervalOf's four.
std::string FormatDay(chr::sys_days days) {
  chr::year_month_day ymd{days};
  const auto year = static_cast<unsigned>(static_cast<int>(ymd.year()));
  const auto month = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  auto digit = [](unsigned value) { return static_cast<char>('0' + value % 10); };
  const char text[10] = {digit(year / 1000), digit(year / 100), digit(year / 10), digit(year),
                         '-', digit(month / 10), digit(month), '-', digit(day / 10), digit(day)};
  return std::string(text, sizeof text);
}

const char* GexfTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kString: return "string";
    case ColumnType::kInt: return "integer";
    case ColumnType::kDouble: return "double";
    case ColumnType::kBool: return "boolean";
  }
  return "string";
}

// The label and weight columns are GEXF's own XML attributes, not attvalues.
bool IsAttvalue(const char* name) {
  return std::string_view(name) != "label" && std::string_view(name) != "weight";
}

template <typename ColumnList>
void WriteAttributeDeclarations(std::ostream& out, const char* element_class,
                                const ColumnList& columns) {
  out << "    <attributes class=\"" << element_class << "\" mode=\"static\">\n";
  for (const auto& column : columns) {
    if (!IsAttvalue(column.name)) continue;
    out << "      <attribute id=\"" << column.name << "\" title=\"" << column.name
        << "\" type=\"" << GexfTypeName(column.type) << "\"/>\n";
  }
  out << "    </attributes>\n";
}

// One element's attvalues go to the stream in one piece, escaped into `text` (reused
// from element to element): an ostream insert per piece cost more than the values.
template <typename ColumnList>
void WriteAttvalues(std::ostream& out, const ColumnList& columns, const ActorGraph& graph,
                    std::size_t index, std::string& text) {
  text = "        <attvalues>\n";
  for (const auto& column : columns) {
    if (!IsAttvalue(column.name)) continue;
    std::string value = column.value(graph, index);
    if (value.empty()) continue;
    text += "          <attvalue for=\"";
    text += column.name;
    text += "\" value=\"";
    AppendXmlValue(column.type, value, text);
    text += "\"/>\n";
  }
  text += "        </attvalues>\n";
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::vector<DateSpell> Spells(const std::vector<std::string_view>& dates) {
  std::vector<DayInterval> intervals;
  for (std::string_view date : dates)
    if (auto interval = IntervalOf(date)) intervals.push_back(*interval);
  std::sort(intervals.begin(), intervals.end(),
            [](const DayInterval& a, const DayInterval& b) { return a.start < b.start; });
  std::vector<DayInterval> merged;
  for (const DayInterval& interval : intervals) {
    if (!merged.empty() && interval.start <= merged.back().end + chr::days{1}) {
      merged.back().end = std::max(merged.back().end, interval.end);
    } else {
      merged.push_back(interval);
    }
  }
  std::vector<DateSpell> spells;
  for (const DayInterval& interval : merged)
    spells.push_back({FormatDay(interval.start), FormatDay(interval.end)});
  return spells;
}

void WriteSpells(std::ostream& out, const ActorGraph& graph, std::span<const DateId> ids) {
  std::vector<std::string_view> dates;
  dates.reserve(ids.size());
  for (DateId id : ids) dates.push_back(graph.date(id));
  std::vector<DateSpell> spells = Spells(dates);
  if (spells.empty()) return;
  out << "        <spells>\n";
  for (const DateSpell& spell : spells)
    out << "          <spell start=\"" << spell.start << "\" end=\"" << spell.end << "\"/>\n";
  out << "        </spells>\n";
}

void WriteColor(std::ostream& out, Rgb color) {
  // Integers: Gephi aborts the import on "255.0".
  out << "        <viz:color r=\"" << color.r << "\" g=\"" << color.g << "\" b=\"" << color.b
      << "\"/>\n";
}

}  // namespace

std::vector<DateSpell> SpellsFromDates(const std::vector<std::string>& dates) {
  return Spells(std::vector<std::string_view>(dates.begin(), dates.end()));
}


void WriteGexf(const ActorGraph& graph, std::ostream& out, int threads) {
  const auto& nodes = graph.nodes();
  const auto& edges = graph.edges();
  std::size_t symmetric = std::count_if(edges.begin(), edges.end(),
                                        [](const RelationEdge& e) { return e.symmetric; });
  std::string default_type;
  if (!edges.empty() && symmetric == 0) default_type = " defaultedgetype=\"directed\"";
  if (!edges.empty() && symmetric == edges.size()) default_type = " defaultedgetype=\"undirected\"";

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
         "version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>actorgraph</creator>\n"
         "    <description>Actors named in news articles and the relations between them"
         "</description>\n"
         "  </meta>\n"
      << "  <graph mode=\"dynamic\" timeformat=\"date\"" << default_type << ">\n";
  WriteAttributeDeclarations(out, "node", NodeColumns());
  WriteAttributeDeclarations(out, "edge", EdgeColumns());

  std::string text;  // WriteAttvalues' buffer
  out << "    <nodes count=\"" << nodes.size() << "\">\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const ActorNode& node = nodes[i];
    out << "      <node id=\"" << NodeId(i) << "\" label=\"" << XmlEscape(node.name) << "\">\n";
    WriteAttvalues(out, NodeColumns(), graph, i, text);
    WriteSpells(out, graph, node.dates);
    WriteColor(out, ActorTypeColor(node.type));
    // `value` is viz:size's only attribute; Gephi needs it first.
    out << "        <viz:size value=\"" << FormatNumber(NodeSize(node)) << "\"/>\n";
    out << "      </node>\n";
  }
  out << "    </nodes>\n";

  out << "    <edges count=\"" << edges.size() << "\">\n";
  WriteInOrder(out, edges.size(), threads, [&](std::size_t begin, std::size_t end, std::string& chunk) {
    StringAppender element(chunk);
    std::string text;  // WriteAttvalues' buffer
    for (std::size_t i = begin; i < end; ++i) {
      const RelationEdge& edge = edges[i];
      std::string label = XmlEscape(EdgeRelationLabel(edge));
      element << "      <edge id=\"" << EdgeId(i) << "\" source=\"" << NodeId(edge.source)
              << "\" target=\"" << NodeId(edge.target) << "\" type=\""
              << (edge.symmetric ? "undirected" : "directed") << "\" kind=\"" << label
              << "\" label=\"" << label << "\" weight=\""
              << FormatNumber(edge.weight > 0 ? edge.weight : 1) << "\">\n";
      WriteAttvalues(element, EdgeColumns(), graph, i, text);
      WriteSpells(element, graph, edge.dates);
      WriteColor(element, EdgeColor(edge));
      element << "        <viz:thickness value=\"" << FormatNumber(EdgeWidth(edge.weight)) << "\"/>\n";
      element << "      </edge>\n";
    }
  });
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace actorgraph
