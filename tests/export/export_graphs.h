// Graphs for the export tests, built with GraphBuilder from synthetic extractions, and
// helpers that run the real clients (check_graph.py, Python's csv and json modules).
#ifndef ACTORGRAPH_TESTS_EXPORT_EXPORT_GRAPHS_H_
#define ACTORGRAPH_TESTS_EXPORT_EXPORT_GRAPHS_H_

#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "extract/relation.h"
#include "graph/actor_graph.h"
#include "graph/graph_builder.h"
#include "tests/support/run_command.h"

namespace actorgraph::testing {

inline ActorRef Ref(std::string name, ActorType type, std::string country = "") {
  std::string surface = name;
  return ActorRef{std::move(name), type, std::move(country), std::move(surface)};
}

// One relation mention as the extractor would report it.
struct Mentioned {
  ActorRef source;
  std::string type;
  ActorRef target;
  std::string family = "neutral";
  bool symmetric = false;
  bool negated = false;
  bool planned = false;
  std::string date;
  std::string text = "";
};

inline Mentioned Rel(ActorRef source, std::string type, ActorRef target,
                     std::string family = "neutral", bool symmetric = false, bool negated = false,
                     bool planned = false, std::string date = "") {
  Mentioned m;
  m.source = std::move(source);
  m.type = std::move(type);
  m.target = std::move(target);
  m.family = std::move(family);
  m.symmetric = symmetric;
  m.negated = negated;
  m.planned = planned;
  m.date = std::move(date);
  return m;
}

inline DocumentExtraction Extraction(const std::string& doc, const std::string& date,
                                     const std::vector<Mentioned>& relations) {
  DocumentExtraction extraction;
  extraction.doc = doc;
  extraction.date = date;
  int sentence = 0;
  for (const Mentioned& m : relations) {
    ++sentence;
    Relation r;
    r.source = m.source;
    r.target = m.target;
    r.type = m.type;
    r.family = m.family;
    r.symmetric = m.symmetric;
    r.negated = m.negated;
    r.modality = m.planned ? Modality::kPlanned : Modality::kAsserted;
    r.date = m.date.empty() ? date : m.date;
    r.evidence.doc = doc;
    r.evidence.sentence = sentence;
    r.evidence.sentence_text =
        m.text.empty() ? m.source.name + " " + m.type + " " + m.target.name + "." : m.text;
    r.rule = "test:1";
    extraction.relations.push_back(r);
    extraction.mentions.push_back(ActorMention{m.source, sentence, 0, 0});
    extraction.mentions.push_back(ActorMention{m.target, sentence, 0, 0});
  }
  return extraction;
}

// Six actors of every type; cooperation, conflict and neutral relations; symmetric and
// directed ones; a negated and a planned-only edge; parallel edges between one pair;
// dates of day, month and year precision, and one without a date.
inline ActorGraph SmallGraph() {
  ActorRef lavrov = Ref("Sergey Lavrov", ActorType::kPerson, "RUS");
  ActorRef jaishankar = Ref("S. Jaishankar", ActorType::kPerson, "IND");
  ActorRef india = Ref("India", ActorType::kCountry, "IND");
  ActorRef russia = Ref("Russia", ActorType::kCountry, "RUS");
  ActorRef un = Ref("United Nations", ActorType::kOrganisation);
  ActorRef hamas = Ref("Hamas", ActorType::kGroup);
  GraphBuilder builder;
  builder.Add(Extraction("a1", "2022-03-31",
                         {Rel(lavrov, "met", jaishankar, "cooperation", true),
                          Rel(lavrov, "criticized", jaishankar, "conflict"),
                          Rel(india, "signed", russia, "cooperation", true)}));
  builder.Add(Extraction("a2", "2022-04-02",
                         {Rel(lavrov, "met", jaishankar, "cooperation", true),
                          Rel(un, "warned", hamas, "conflict"),
                          Rel(russia, "told", un, "neutral", false, false, false, "2022-04")}));
  builder.Add(Extraction("a3", "",
                         {Rel(jaishankar, "met", lavrov, "cooperation", true, true),
                          Rel(india, "visited", russia, "cooperation", false, false, true, "2023"),
                          Rel(un, "praised", india, "cooperation")}));
  return builder.Build();
}

// Every edge directed (no symmetric relation), so networkx can read the GEXF too.
inline ActorGraph DirectedGraph() {
  GraphBuilder builder;
  builder.Add(Extraction("d1", "2021-01-05",
                         {Rel(Ref("Alpha", ActorType::kPerson), "warned", Ref("Beta", ActorType::kCountry), "conflict"),
                          Rel(Ref("Beta", ActorType::kCountry), "praised", Ref("Gamma", ActorType::kGroup), "cooperation"),
                          Rel(Ref("Alpha", ActorType::kPerson), "praised", Ref("Beta", ActorType::kCountry), "cooperation")}));
  return builder.Build();
}

// The names a news corpus can throw at the exports.
inline std::vector<std::string> HostileNames() {
  return {
      "Quote \"Mark\" O'Neil",
      "Back\\slash \\N \\n \\l \\G \\",  // Graphviz escapes, and a trailing backslash
      "<script>alert('x')</script> & Co",
      "Tom &amp; Jerry &lt;3",           // already an entity: must stay literal
      "Bell\x07 Esc\x1b Nul-free \x01\x02 Del\x7f",
      "Line\nbreak\tand\rreturn",
      "Bad UTF-8 \xff\xfe \xc3( \xed\xa0\x80 end",
      "Emoji \xF0\x9F\x98\x80\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 flags",
      "\xD8\xA7\xD9\x84\xD8\xB1\xD9\x8A\xD8\xA7\xD8\xB6 \xD7\xAA\xD7\x9C \xD7\x90\xD7\x91\xD7\x99\xD7\x91",  // Arabic, Hebrew
      "Comma, \"semi\"; colon: {brace} [bracket] #hash =SUM(A1)",
      std::string(5000, 'W'),
  };
}

// The hostile names as a ring of relations, with hostile evidence and a hostile relation.
inline ActorGraph HostileGraph() {
  std::vector<std::string> names = HostileNames();
  std::vector<Mentioned> relations;
  ActorType types[] = {ActorType::kPerson, ActorType::kCountry, ActorType::kOrganisation,
                       ActorType::kGroup};
  for (std::size_t i = 0; i < names.size(); ++i) {
    ActorRef source = Ref(names[i], types[i % 4], i % 3 == 0 ? "X\"<&" : "");
    ActorRef target = Ref(names[(i + 1) % names.size()], types[(i + 1) % 4]);
    Mentioned m = Rel(source, i % 2 ? "met" : "warned", target,
                      i % 2 ? "cooperation" : "conflict", i % 2 == 1);
    m.text = "Evidence with \"quotes\", <tags>, & \\N, \x01 and " + names[i];
    m.date = i % 3 == 0 ? "2020" : (i % 3 == 1 ? "2020-02" : "2020-02-29");
    relations.push_back(m);
  }
  relations.push_back(Rel(Ref(names[0], ActorType::kPerson), "said \"no\" <&>\\N",
                          Ref(names[2], ActorType::kOrganisation), "odd family"));
  GraphBuilder builder;
  builder.Add(Extraction("doc \"1\" <&>", "2020-02-29", relations));
  return builder.Build();
}

// A graph of `nodes` actors and about 2 * nodes edges, for layout speed.
inline ActorGraph LargeGraph(int nodes) {
  std::vector<Mentioned> relations;
  for (int i = 0; i < nodes; ++i) {
    for (int step : {1, 7}) {
      relations.push_back(Rel(Ref("Actor " + std::to_string(i), ActorType::kPerson), "met",
                              Ref("Actor " + std::to_string((i + step) % nodes), ActorType::kCountry),
                              "cooperation", true));
    }
  }
  GraphBuilder builder;
  builder.Add(Extraction("big", "2020-01-01", relations));
  return builder.Build();
}

inline std::string SharedDir() { return ACTORGRAPH_SHARED_DIR; }

// Runs check_graph.py on `files`.
inline CommandResult CheckGraph(const std::vector<std::string>& files) {
  std::string command = "python3 " + ShellQuote(SharedDir() + "/clients/check_graph.py");
  for (const std::string& file : files) command += " " + ShellQuote(file);
  return RunCommand(command);
}

// The node and edge counts check_graph.py reported for `file`, or {-1, -1}.
inline std::pair<long, long> ReportedCounts(const std::string& output, const std::string& file) {
  std::string line_start = "ok    " + file + ": ";
  std::size_t at = output.find(line_start);
  if (at == std::string::npos) return {-1, -1};
  std::string rest = output.substr(at + line_start.size());
  std::smatch match;
  if (!std::regex_search(rest, match, std::regex(R"(^(\d+) nodes, (\d+) edges)"))) return {-1, -1};
  return {std::stol(match[1]), std::stol(match[2])};
}

}  // namespace actorgraph::testing

#endif  // ACTORGRAPH_TESTS_EXPORT_EXPORT_GRAPHS_H_
