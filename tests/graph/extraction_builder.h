// Test inputs for the graph module: DocumentExtraction values written in a line each,
//   Doc("a1", "2022-03-31").Relate(Person("Lavrov", "RUS"), "met", Person("Jaishankar", "IND"))
// so a test shows the corpus it builds from, not the extractor's rules.
#ifndef ACTORGRAPH_TESTS_GRAPH_EXTRACTION_BUILDER_H_
#define ACTORGRAPH_TESTS_GRAPH_EXTRACTION_BUILDER_H_

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/relation.h"
#include "graph/actor_graph.h"
#include "graph/graph_builder.h"

namespace actorgraph::testing {

inline ActorRef Actor(std::string name, ActorType type, std::string country = "",
                      std::string surface = "") {
  if (surface.empty()) surface = name;
  return ActorRef{std::move(name), type, std::move(country), std::move(surface)};
}
inline ActorRef Person(std::string name, std::string country = "", std::string surface = "") {
  return Actor(std::move(name), ActorType::kPerson, std::move(country), std::move(surface));
}
inline ActorRef Country(std::string name, std::string code) {
  return Actor(std::move(name), ActorType::kCountry, std::move(code));
}
inline ActorRef Org(std::string name) { return Actor(std::move(name), ActorType::kOrganisation); }

// How one relation mention was said: Said().Sentence(3).Negated(). An empty date takes
// the document's; an empty text is made from the names.
struct Said {
  int sentence = 1;
  std::string date;
  bool negated = false;
  bool planned = false;
  std::string text;

  Said& Sentence(int n) {
    sentence = n;
    return *this;
  }
  Said& Date(std::string d) {
    date = std::move(d);
    return *this;
  }
  Said& Negated(bool on = true) {
    negated = on;
    return *this;
  }
  Said& Planned(bool on = true) {
    planned = on;
    return *this;
  }
  Said& Text(std::string t) {
    text = std::move(t);
    return *this;
  }
};

inline bool IsSymmetric(const std::string& type) {
  return type == "met" || type == "called" || type == "signed";
}

class Doc {
 public:
  explicit Doc(std::string id, std::string date = "") {
    extraction_.doc = std::move(id);
    extraction_.date = std::move(date);
  }

  Doc& Mention(const ActorRef& actor, int sentence = 1) {
    extraction_.mentions.push_back(ActorMention{actor, sentence, 0, 0});
    return *this;
  }

  // Adds the relation and a mention of each side, as the extractor does.
  Doc& Relate(const ActorRef& source, const std::string& type, const ActorRef& target,
              Said said = Said()) {
    Mention(source, said.sentence);
    Mention(target, said.sentence);
    Relation relation;
    relation.source = source;
    relation.target = target;
    relation.type = type;
    relation.family = IsSymmetric(type) ? "cooperation" : "conflict";
    relation.symmetric = IsSymmetric(type);
    relation.negated = said.negated;
    relation.modality = said.planned ? Modality::kPlanned : Modality::kAsserted;
    relation.date = said.date.empty() ? extraction_.date : said.date;
    relation.evidence.doc = extraction_.doc;
    relation.evidence.sentence = said.sentence;
    relation.evidence.sentence_text =
        said.text.empty() ? source.surface + " " + type + " " + target.surface + "." : said.text;
    relation.rule = "test.rules:1";
    extraction_.relations.push_back(std::move(relation));
    return *this;
  }

  operator DocumentExtraction() const { return extraction_; }

 private:
  DocumentExtraction extraction_;
};

inline ActorGraph BuildGraph(const std::vector<DocumentExtraction>& docs,
                             GraphOptions options = {}) {
  GraphBuilder builder(std::move(options));
  for (const DocumentExtraction& doc : docs) builder.Add(doc);
  return builder.Build();
}

// A graph of organisations from (source, relation, target) triples, one document each.
inline ActorGraph GraphOf(
    const std::vector<std::tuple<std::string, std::string, std::string>>& triples) {
  std::vector<DocumentExtraction> docs;
  for (const auto& [source, type, target] : triples)
    docs.push_back(Doc("d" + std::to_string(docs.size()), "2022-01-01")
                       .Relate(Org(source), type, Org(target)));
  return BuildGraph(docs);
}

inline const ActorNode& NodeNamed(const ActorGraph& graph, const std::string& name) {
  static const ActorNode kMissing = [] {
    ActorNode node;
    node.name = "<missing>";
    return node;
  }();
  for (const ActorNode& node : graph.nodes())
    if (node.name == name) return node;
  return kMissing;
}

}  // namespace actorgraph::testing

#endif  // ACTORGRAPH_TESTS_GRAPH_EXTRACTION_BUILDER_H_
