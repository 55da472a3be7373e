// The output of `actorgraph extract`: one relation mention per row, with its attributes
// and evidence, as TSV with a header (the columns the scorer in shared/eval reads) or as
// JSON Lines with the same fields.
#ifndef ACTORGRAPH_EXPORT_RELATION_TABLE_WRITER_H_
#define ACTORGRAPH_EXPORT_RELATION_TABLE_WRITER_H_

#include <ostream>

#include "extract/relation.h"

namespace actorgraph {

enum class TableFormat { kTsv, kJsonl };

// Writes rows as they come; not thread-safe. Columns, in order: doc sentence source
// relation target negated (0/1) modality (asserted/planned) date evidence, and with
// `explain` also rule (file:line of the pattern) and the source and target surface forms.
// In TSV, backslash, tab, CR and LF inside a field are written as \\ \t \r \n.
class RelationTableWriter {
 public:
  RelationTableWriter(std::ostream& out, TableFormat format, bool explain);
  // Writes the header row (TSV only).
  void Begin();
  void Write(const Relation& relation);

 private:
  std::ostream& out_;
  TableFormat format_;
  bool explain_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_RELATION_TABLE_WRITER_H_
