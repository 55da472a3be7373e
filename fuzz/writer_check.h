// Fuzz check of the graph writers (export/dot_writer.h, graphml_writer.h, gexf_writer.h,
// csv_writer.h, json_writer.h): a small graph is built with GraphBuilder from fuzzed
// names and relations, written in every format to memory, and each output is parsed back
// with the strict readers of fuzz/output_parsers.h. Each must be well-formed, hold every
// node and edge once under its id, and give back each actor's name as SanitizeText made
// it (DOT's tooltip, GraphML's label data, GEXF's label, CSV's Label, JSON's "label").
//
// Input: one relation mention a line, fields separated by tabs:
//   source <TAB> target <TAB> relation <TAB> flags <TAB> date <TAB> doc <TAB> evidence
//          <TAB> source country <TAB> target country
// Missing fields are empty. The first byte of `flags` holds: bit 0 symmetric, bit 1
// negated, bit 2 planned, bits 3-4 the source's type, bits 5-6 the target's. A line
// "#countries" turns on GraphOptions::countries. A line with one field is a mention only.
#ifndef ACTORGRAPH_FUZZ_WRITER_CHECK_H_
#define ACTORGRAPH_FUZZ_WRITER_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "export/csv_writer.h"
#include "export/dot_writer.h"
#include "export/gexf_writer.h"
#include "export/graph_columns.h"
#include "export/graphml_writer.h"
#include "export/json_writer.h"
#include "export/text_escape.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/output_parsers.h"
#include "graph/graph_builder.h"

namespace actorgraph::fuzz {

inline std::vector<std::string_view> SplitOn(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t found = text.find(separator, pos);
    parts.push_back(text.substr(pos, found == std::string_view::npos ? std::string_view::npos : found - pos));
    if (found == std::string_view::npos) return parts;
    pos = found + 1;
  }
}

inline ActorGraph GraphFromFuzz(std::string_view text) {
  GraphOptions options;
  std::map<std::string, DocumentExtraction> docs;
  int sentence = 0;
  for (std::string_view line : SplitOn(text, '\n')) {
    if (line == "#countries") {
      options.countries = true;
      continue;
    }
    std::vector<std::string_view> f = SplitOn(line, '\t');
    f.resize(9);
    if (f[0].empty()) continue;
    const std::uint8_t flags = f[3].empty() ? 0 : static_cast<std::uint8_t>(f[3][0]);
    const std::string doc_id = f[5].empty() ? "doc" : std::string(f[5]);
    DocumentExtraction& doc = docs[doc_id];
    doc.doc = doc_id;
    ++sentence;
    ActorRef source{std::string(f[0]), static_cast<ActorType>((flags >> 3) & 3), std::string(f[7]),
                    std::string(f[0])};
    doc.mentions.push_back({source, sentence, 0, 0});
    if (f[1].empty()) continue;
    ActorRef target{std::string(f[1]), static_cast<ActorType>((flags >> 5) & 3), std::string(f[8]),
                    std::string(f[1])};
    doc.mentions.push_back({target, sentence, 0, 0});
    Relation relation;
    relation.source = source;
    relation.target = target;
    relation.type = f[2].empty() ? "met" : std::string(f[2]);
    relation.family = flags % 3 == 0 ? "cooperation" : flags % 3 == 1 ? "conflict" : "neutral";
    relation.symmetric = (flags & 1) != 0;
    relation.negated = (flags & 2) != 0;
    relation.modality = (flags & 4) ? Modality::kPlanned : Modality::kAsserted;
    relation.date = std::string(f[4]);
    relation.evidence = {doc_id, sentence, 0, 0, std::string(f[6])};
    relation.rule = "fuzz.rules:1";
    doc.relations.push_back(std::move(relation));
  }
  GraphBuilder builder(options);
  for (const auto& [id, doc] : docs) builder.Add(doc);
  return builder.Build();
}

inline std::string NodeIdOf(std::size_t i) { return "n" + std::to_string(i); }
inline std::string EdgeIdOf(std::size_t i) { return "e" + std::to_string(i); }

inline void CheckGraphml(const ActorGraph& graph, const std::string& text) {
  const XmlElement root = ParseXml(text);
  FUZZ_CHECK(root.name == "graphml", "root <" + root.name + ">");
  const XmlElement* g = nullptr;
  for (const XmlElement& child : root.children) {
    if (child.name == "graph") g = &child;
  }
  FUZZ_CHECK(g != nullptr, "no <graph>");
  std::size_t nodes = 0, edges = 0;
  for (const XmlElement& e : g->children) {
    const std::string* id = e.Attribute("id");
    if (e.name == "node") {
      FUZZ_CHECK(id != nullptr && *id == NodeIdOf(nodes), "node id");
      std::string label;
      for (const XmlElement& data : e.children) {
        if (const std::string* key = data.Attribute("key"); key != nullptr && *key == "label") label = data.text;
      }
      FUZZ_CHECK(label == SanitizeText(graph.nodes()[nodes].name),
                 "GraphML label '" + Excerpt(label) + "' for '" + Excerpt(graph.nodes()[nodes].name) + "'");
      ++nodes;
    } else if (e.name == "edge") {
      FUZZ_CHECK(edges < graph.edges().size(), "more edges than the graph has");
      const RelationEdge& edge = graph.edges()[edges];
      FUZZ_CHECK(id != nullptr && *id == EdgeIdOf(edges), "edge id");
      const std::string* source = e.Attribute("source");
      const std::string* target = e.Attribute("target");
      FUZZ_CHECK(source != nullptr && *source == NodeIdOf(edge.source) && target != nullptr &&
                     *target == NodeIdOf(edge.target),
                 "edge " + *id + " ends");
      ++edges;
    }
  }
  FUZZ_CHECK(nodes == graph.nodes().size() && edges == graph.edges().size(), "GraphML counts");
}

inline void CheckGexf(const ActorGraph& graph, const std::string& text) {
  const XmlElement root = ParseXml(text);
  FUZZ_CHECK(root.name == "gexf", "root <" + root.name + ">");
  std::size_t nodes = 0, edges = 0;
  for (const XmlElement& g : root.children) {
    if (g.name != "graph") continue;
    for (const XmlElement& list : g.children) {
      for (const XmlElement& e : list.children) {
        const std::string* id = e.Attribute("id");
        if (list.name == "nodes" && e.name == "node") {
          FUZZ_CHECK(nodes < graph.nodes().size(), "more nodes than the graph has");
          const std::string* label = e.Attribute("label");
          FUZZ_CHECK(id != nullptr && *id == NodeIdOf(nodes), "node id");
          FUZZ_CHECK(label != nullptr && *label == SanitizeText(graph.nodes()[nodes].name),
                     "GEXF label for '" + Excerpt(graph.nodes()[nodes].name) + "'");
          ++nodes;
        } else if (list.name == "edges" && e.name == "edge") {
          FUZZ_CHECK(edges < graph.edges().size(), "more edges than the graph has");
          const RelationEdge& edge = graph.edges()[edges];
          const std::string* source = e.Attribute("source");
          const std::string* target = e.Attribute("target");
          FUZZ_CHECK(id != nullptr && *id == EdgeIdOf(edges), "edge id");
          FUZZ_CHECK(source != nullptr && *source == NodeIdOf(edge.source) && target != nullptr &&
                         *target == NodeIdOf(edge.target),
                     "edge " + *id + " ends");
          ++edges;
        }
      }
    }
  }
  FUZZ_CHECK(nodes == graph.nodes().size() && edges == graph.edges().size(), "GEXF counts");
}

inline void CheckCsv(const ActorGraph& graph, const std::string& nodes_csv, const std::string& edges_csv) {
  const auto nodes = ParseCsv(nodes_csv);
  FUZZ_CHECK(nodes.size() == graph.nodes().size() + 1, "nodes.csv has " + std::to_string(nodes.size()) + " records");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    FUZZ_CHECK(nodes[i].size() == NodeColumns().size() + 1,
               "nodes.csv record " + std::to_string(i + 1) + " has " + std::to_string(nodes[i].size()) + " fields");
    if (i == 0) continue;
    FUZZ_CHECK(nodes[i][0] == NodeIdOf(i - 1), "nodes.csv Id");
    FUZZ_CHECK(nodes[i][1] == SanitizeText(graph.nodes()[i - 1].name),
               "nodes.csv Label '" + Excerpt(nodes[i][1]) + "'");
  }
  const auto edges = ParseCsv(edges_csv);
  FUZZ_CHECK(edges.size() == graph.edges().size() + 1, "edges.csv has " + std::to_string(edges.size()) + " records");
  for (std::size_t i = 0; i < edges.size(); ++i) {
    FUZZ_CHECK(edges[i].size() == EdgeColumns().size() + 6,
               "edges.csv record " + std::to_string(i + 1) + " has " + std::to_string(edges[i].size()) + " fields");
    if (i == 0) continue;
    const RelationEdge& edge = graph.edges()[i - 1];
    FUZZ_CHECK(edges[i][0] == NodeIdOf(edge.source) && edges[i][1] == NodeIdOf(edge.target) &&
                   edges[i][3] == EdgeIdOf(i - 1),
               "edges.csv ids");
  }
}

inline void CheckJson(const ActorGraph& graph, const std::string& text) {
  const JsonValue root = ParseJson(text);
  FUZZ_CHECK(root.kind == JsonValue::Kind::kObject, "not an object");
  const JsonValue* nodes = root.Get("nodes");
  const JsonValue* links = root.Get("links");
  FUZZ_CHECK(nodes != nullptr && nodes->kind == JsonValue::Kind::kArray &&
                 nodes->items.size() == graph.nodes().size(),
             "nodes");
  FUZZ_CHECK(links != nullptr && links->kind == JsonValue::Kind::kArray &&
                 links->items.size() == graph.edges().size(),
             "links");
  for (std::size_t i = 0; i < nodes->items.size(); ++i) {
    const JsonValue* id = nodes->items[i].Get("id");
    const JsonValue* label = nodes->items[i].Get("label");
    FUZZ_CHECK(id != nullptr && id->text == NodeIdOf(i), "node id");
    FUZZ_CHECK(label != nullptr && label->text == SanitizeText(graph.nodes()[i].name),
               "JSON label '" + Excerpt(label ? label->text : "") + "'");
    for (const JsonValue& value : nodes->items[i].items) {
      FUZZ_CHECK(value.kind != JsonValue::Kind::kNull, "a null in node " + NodeIdOf(i));
    }
  }
  for (std::size_t i = 0; i < links->items.size(); ++i) {
    const RelationEdge& edge = graph.edges()[i];
    const JsonValue& link = links->items[i];
    const JsonValue* id = link.Get("id");
    const JsonValue* source = link.Get("source");
    const JsonValue* target = link.Get("target");
    FUZZ_CHECK(id != nullptr && id->text == EdgeIdOf(i), "link id");
    FUZZ_CHECK(source != nullptr && source->text == NodeIdOf(edge.source) && target != nullptr &&
                   target->text == NodeIdOf(edge.target),
               "link ends");
  }
}

// What a DOT escString written by DotText shows: "\\" is a backslash, "\n" a line break,
// "&amp;" an ampersand.
inline std::string DotShown(std::string_view id) {
  std::string out;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (id.substr(i, 2) == "\\\\") {
      out += '\\';
      ++i;
    } else if (id.substr(i, 2) == "\\n") {
      out += '\n';
      ++i;
    } else if (id.substr(i, 5) == "&amp;") {
      out += '&';
      i += 4;
    } else {
      out += id[i];
    }
  }
  return out;
}

inline void CheckDot(const ActorGraph& graph, const std::string& text) {
  FUZZ_CHECK(IsValidUtf8(text), "DOT is not valid UTF-8");
  const DotGraph dot = ParseDot(text);
  FUZZ_CHECK(dot.directed, "not a digraph");
  std::map<std::string, const DotStatement*> nodes;
  std::map<std::string, const DotStatement*> edges;
  for (const DotStatement& s : dot.statements) {
    if (s.kind == DotStatement::Kind::kNode) {
      nodes[s.ids[0]] = &s;
    } else {
      auto key = s.attributes.find("key");
      FUZZ_CHECK(key != s.attributes.end(), "an edge without key");
      FUZZ_CHECK(edges.emplace(key->second, &s).second, "edge " + key->second + " twice");
    }
  }
  FUZZ_CHECK(nodes.size() == graph.nodes().size() + kDotLegendNodes,
             std::to_string(nodes.size()) + " DOT nodes for " + std::to_string(graph.nodes().size()));
  for (std::size_t i = 0; i < graph.nodes().size(); ++i) {
    const ActorNode& node = graph.nodes()[i];
    auto it = nodes.find(NodeIdOf(i));
    FUZZ_CHECK(it != nodes.end(), "no DOT node " + NodeIdOf(i));
    auto tooltip = it->second->attributes.find("tooltip");
    FUZZ_CHECK(tooltip != it->second->attributes.end(), "no tooltip");
    std::string expected = SanitizeText(node.name);
    for (char& c : expected) {
      if (c == '\r' || c == '\t') c = ' ';
    }
    FUZZ_CHECK(DotShown(tooltip->second).starts_with(expected + " ("),
               "tooltip '" + Excerpt(tooltip->second) + "' for '" + Excerpt(node.name) + "'");
  }
  FUZZ_CHECK(edges.size() == graph.edges().size(), "DOT edge count");
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    auto it = edges.find(EdgeIdOf(i));
    FUZZ_CHECK(it != edges.end(), "no DOT edge " + EdgeIdOf(i));
    const RelationEdge& edge = graph.edges()[i];
    FUZZ_CHECK(it->second->ids.size() == 2 && it->second->ids[0] == NodeIdOf(edge.source) &&
                   it->second->ids[1] == NodeIdOf(edge.target),
               "DOT edge " + EdgeIdOf(i) + " ends");
  }
}

// Which writers CheckWriters runs: all by default; a fuzz target may pick one.
enum WriterSet : unsigned { kDotWriter = 1, kGraphmlWriter = 2, kGexfWriter = 4, kCsvWriter = 8, kJsonWriter = 16, kAllWriters = 31 };

inline void CheckWriters(const std::uint8_t* data, std::size_t size, unsigned writers = kAllWriters) {
  const ActorGraph graph = GraphFromFuzz(std::string_view(reinterpret_cast<const char*>(data), size));
  if (writers & kDotWriter) {
    std::ostringstream out;
    WriteDot(graph, out);
    CheckDot(graph, out.str());
  }
  if (writers & kGraphmlWriter) {
    std::ostringstream out;
    WriteGraphml(graph, out);
    CheckGraphml(graph, out.str());
  }
  if (writers & kGexfWriter) {
    std::ostringstream out;
    WriteGexf(graph, out);
    CheckGexf(graph, out.str());
  }
  if (writers & kCsvWriter) {
    std::ostringstream nodes, edges;
    WriteNodesCsv(graph, nodes);
    WriteEdgesCsv(graph, edges);
    CheckCsv(graph, nodes.str(), edges.str());
  }
  if (writers & kJsonWriter) {
    std::ostringstream out;
    WriteJson(graph, out);
    CheckJson(graph, out.str());
  }
}

}  // namespace actorgraph::fuzz

#endif  // ACTORGRAPH_FUZZ_WRITER_CHECK_H_
