// What extraction produces: relation mentions between actors, each with the evidence
// that explains it, and the actor mentions of one document.
#ifndef ACTORGRAPH_EXTRACT_RELATION_H_
#define ACTORGRAPH_EXTRACT_RELATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/actor.h"

namespace actorgraph {

enum class Modality { kAsserted, kPlanned };

// "asserted" or "planned".
const char* ModalityName(Modality modality);

// Where a relation was read. Offsets are byte offsets into Document::text (the original
// bytes), so a user can find the sentence in the article; `sentence_text` is a copy
// (valid UTF-8) that stays valid after the document is gone.
struct Evidence {
  std::string doc;           // Document::id
  int sentence = 0;          // 1-based sentence number within the document
  std::size_t begin = 0;     // byte range of the sentence in Document::text
  std::size_t end = 0;
  std::string sentence_text;
};

// One mention of a relation: `source` did `type` to `target` in one sentence.
struct Relation {
  ActorRef source;
  ActorRef target;
  std::string type;       // lower-case past tense: "met", "urged", "abstained"
  std::string family;     // "cooperation", "conflict" or "neutral": colours the graph
  bool symmetric = false; // met, called, signed: the order of source and target carries no meaning
  bool negated = false;   // the text says it did not happen
  Modality modality = Modality::kAsserted;
  std::string date;       // YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown
  Evidence evidence;
  std::string rule;       // the rule that matched, as "file:line"
};

// One place an actor is named in a document.
struct ActorMention {
  ActorRef actor;
  int sentence = 0;       // 1-based, as Evidence::sentence
  std::size_t begin = 0;  // byte range in Document::text
  std::size_t end = 0;
};

// Everything extracted from one document. Self-contained: holds no pointer into the
// document, so documents can be dropped as soon as they are extracted.
struct DocumentExtraction {
  std::string doc;   // Document::id
  std::string date;  // Document::date
  std::vector<ActorMention> mentions;
  std::vector<Relation> relations;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_RELATION_H_
