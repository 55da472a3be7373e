// Inputs shared by the benchmark cases: the sample articles of corpus/ and generated
// news-like articles. Generated text is composed from templates and the built-in lexicon's
// real names (as bench/make_corpus.py does at corpus scale), so actor matching and the
// relation patterns see realistic hit densities rather than one article repeated.
#ifndef ACTORGRAPH_BENCH_BENCH_INPUT_H_
#define ACTORGRAPH_BENCH_BENCH_INPUT_H_

#include <cstddef>
#include <vector>

#include "extract/document.h"
#include "extract/lexicon.h"

namespace actorgraph {

// The articles of corpus/ in the source tree. Loaded once; the reference stays valid for
// the whole run.
const std::vector<Document>& SampleArticles();

// At least `bytes` of text in generated articles, the same for the same `bytes` (fixed
// seed). Loaded once per size; the reference stays valid for the whole run.
const std::vector<Document>& GeneratedArticles(std::size_t bytes);

// The built-in lexicon, loaded once.
const Lexicon& BuiltinLexicon();

// Sum of the text sizes of `documents`.
std::size_t TextBytes(const std::vector<Document>& documents);

}  // namespace actorgraph

#endif  // ACTORGRAPH_BENCH_BENCH_INPUT_H_
