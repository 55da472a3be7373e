#include "export/relation_table_writer.h"

#include <string>

#include "export/text_escape.h"

namespace actorgraph {
namespace {

std::string TsvField(std::string_view text) {
  std::string clean = SanitizeText(text);
  std::string field;
  field.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '\\': field += "\\\\"; break;
      case '\t': field += "\\t"; break;
      case '\n': field += "\\n"; break;
      case '\r': field += "\\r"; break;
      default: field += c;
    }
  }
  return field;
}

}  // namespace

RelationTableWriter::RelationTableWriter(std::ostream& out, TableFormat format, bool explain)
    : out_(out), format_(format), explain_(explain) {}

void RelationTableWriter::Begin() {
  if (format_ != TableFormat::kTsv) return;
  out_ << "doc\tsentence\tsource\trelation\ttarget\tnegated\tmodality\tdate\tevidence";
  if (explain_) out_ << "\trule\tsource_text\ttarget_text";
  out_ << '\n';
}

void RelationTableWriter::Write(const Relation& r) {
  if (format_ == TableFormat::kTsv) {
    out_ << TsvField(r.evidence.doc) << '\t' << r.evidence.sentence << '\t' << TsvField(r.source.name)
         << '\t' << TsvField(r.type) << '\t' << TsvField(r.target.name) << '\t' << (r.negated ? 1 : 0)
         << '\t' << ModalityName(r.modality) << '\t' << TsvField(r.date) << '\t'
         << TsvField(r.evidence.sentence_text);
    if (explain_) {
      out_ << '\t' << TsvField(r.rule) << '\t' << TsvField(r.source.surface) << '\t'
           << TsvField(r.target.surface);
    }
    out_ << '\n';
    return;
  }
  out_ << "{\"doc\":" << JsonQuote(r.evidence.doc) << ",\"sentence\":" << r.evidence.sentence
       << ",\"source\":" << JsonQuote(r.source.name)
       << ",\"source_type\":" << JsonQuote(ActorTypeName(r.source.type))
       << ",\"source_country\":" << JsonQuote(r.source.country) << ",\"relation\":" << JsonQuote(r.type)
       << ",\"target\":" << JsonQuote(r.target.name)
       << ",\"target_type\":" << JsonQuote(ActorTypeName(r.target.type))
       << ",\"target_country\":" << JsonQuote(r.target.country)
       << ",\"symmetric\":" << (r.symmetric ? "true" : "false") << ",\"negated\":" << (r.negated ? 1 : 0)
       << ",\"modality\":\"" << ModalityName(r.modality) << "\",\"date\":" << JsonQuote(r.date)
       << ",\"begin\":" << r.evidence.begin << ",\"end\":" << r.evidence.end
       << ",\"evidence\":" << JsonQuote(r.evidence.sentence_text);
  if (explain_) {
    out_ << ",\"rule\":" << JsonQuote(r.rule) << ",\"source_text\":" << JsonQuote(r.source.surface)
         << ",\"target_text\":" << JsonQuote(r.target.surface);
  }
  out_ << "}\n";
}

}  // namespace actorgraph
