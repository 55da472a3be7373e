// The outline of a relation pattern: the regex that RelationRules gives RE2's
// FilteredRE2 in place of the pattern itself, to learn the pattern's required literals
// (atoms) at a fraction of the cost. Every optional part of the pattern, "x?", "x*",
// "x{0,n}" (lazy or not), becomes \C* (any bytes).
//
// FilteredRE2 compiles each regex it is given into a whole RE2 and then derives its
// atoms from the simplified regex; neither is needed of the pattern, which RelationRules
// compiles on its own for matching. Optional parts cost the most to compile (the
// bounded repetitions of {PAREN} or {FAR} become 80 to 200 copies of their item) and
// never yield an atom: RE2 gives "x?" and "x*" the prefilter "anything", whatever x is,
// which is also what it gives \C*. So the outline's atoms are the pattern's, and its
// matches a superset of the pattern's (\C* matches whatever x does), which keeps the
// prefilter sound even if RE2 some day derives atoms another way.
#ifndef ACTORGRAPH_EXTRACT_PREFILTER_OUTLINE_H_
#define ACTORGRAPH_EXTRACT_PREFILTER_OUTLINE_H_

#include <string>
#include <string_view>

namespace actorgraph {

// The outline of `regex` (RE2 syntax). A regex that does not parse gives some string,
// which may not parse either: compile the pattern itself first, to report its errors.
std::string PrefilterOutline(std::string_view regex);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_PREFILTER_OUTLINE_H_
