// Throughput of each extraction stage, in bytes of article text per second: text
// preparation, the sentence splitter, the actor finder (its single scan of the lexicon
// names plus the per-sentence assembly), the relation rules over placeholder sentences,
// and the whole Extractor::Extract per document. Each stage runs on the sample articles
// of corpus/ and on 2 MB of generated articles; the inputs of a stage are computed once,
// outside the timed loop.
#include <benchmark/benchmark.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bench/bench_input.h"
#include "extract/actor_finder.h"
#include "extract/date_resolver.h"
#include "extract/diagnostics.h"
#include "extract/extractor.h"
#include "extract/news_vocabulary.h"
#include "extract/prepared_text.h"
#include "extract/relation_rules.h"
#include "extract/rule_source.h"
#include "extract/sentence_splitter.h"

namespace actorgraph {
namespace {

constexpr std::size_t kGeneratedBytes = 2 << 20;

// range(0): 0 for the sample articles, 1 for generated ones.
const std::vector<Document>& Input(const benchmark::State& state) {
  return state.range(0) == 0 ? SampleArticles() : GeneratedArticles(kGeneratedBytes);
}

void Label(benchmark::State& state, const std::vector<Document>& documents) {
  state.SetLabel((state.range(0) == 0 ? "corpus/, " : "generated, ") + std::to_string(documents.size()) +
                 " articles");
}

struct Prepared {
  std::string date;
  PreparedText text;
  std::vector<SentenceSpan> sentences;
};

std::vector<Prepared> Prepare(const std::vector<Document>& documents) {
  CollectingDiagnostics diagnostics;
  std::vector<Prepared> prepared;
  for (const Document& document : documents) {
    Prepared p;
    p.date = document.date;
    p.text = PrepareText(document.text, document.origin, diagnostics);
    p.sentences = SplitSentences(p.text.text);
    prepared.push_back(std::move(p));
  }
  return prepared;
}

std::size_t PreparedBytes(const std::vector<Prepared>& prepared) {
  std::size_t bytes = 0;
  for (const Prepared& p : prepared) bytes += p.text.text.size();
  return bytes;
}

const ActorFinder& BuiltinFinder() {
  static const NewsVocabulary vocabulary = NewsVocabulary::Load(LoadRuleSources(""));
  static const ActorFinder finder(BuiltinLexicon(), vocabulary);
  return finder;
}

void BM_PrepareText(benchmark::State& state) {
  const std::vector<Document>& documents = Input(state);
  CollectingDiagnostics diagnostics;
  for (auto _ : state) {
    for (const Document& document : documents) {
      benchmark::DoNotOptimize(PrepareText(document.text, document.origin, diagnostics));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(documents)));
  Label(state, documents);
}
BENCHMARK(BM_PrepareText)->Arg(0)->Arg(1);

void BM_SplitSentences(benchmark::State& state) {
  const std::vector<Prepared> prepared = Prepare(Input(state));
  for (auto _ : state) {
    for (const Prepared& p : prepared) benchmark::DoNotOptimize(SplitSentences(p.text.text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * PreparedBytes(prepared)));
  Label(state, Input(state));
}
BENCHMARK(BM_SplitSentences)->Arg(0)->Arg(1);

void BM_ActorFinderFind(benchmark::State& state) {
  const std::vector<Prepared> prepared = Prepare(Input(state));
  const ActorFinder& finder = BuiltinFinder();
  for (auto _ : state) {
    for (const Prepared& p : prepared) benchmark::DoNotOptimize(finder.Find(p.text.text, p.sentences, p.date));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * PreparedBytes(prepared)));
  Label(state, Input(state));
}
BENCHMARK(BM_ActorFinderFind)->Arg(0)->Arg(1);

// The sentences the extractor hands to the relation rules: those naming two or more
// different actors, each mention replaced by its placeholder.
std::vector<std::string> PlaceholderSentences(const std::vector<Prepared>& prepared) {
  std::vector<std::string> out;
  for (const Prepared& p : prepared) {
    ArticleActors actors = BuiltinFinder().Find(p.text.text, p.sentences, p.date);
    for (std::size_t s = 0; s < p.sentences.size(); ++s) {
      const std::vector<SentenceMention>& mentions = actors.sentences[s];
      std::set<int> distinct;
      for (const SentenceMention& m : mentions) distinct.insert(m.actor);
      if (distinct.size() < 2) continue;
      std::string sentence;
      std::size_t pos = p.sentences[s].begin;
      for (std::size_t i = 0; i < mentions.size(); ++i) {
        sentence.append(p.text.text, pos, mentions[i].begin - pos);
        sentence += RelationRules::Placeholder(static_cast<int>(i), static_cast<char>(mentions[i].role));
        pos = mentions[i].end;
      }
      sentence.append(p.text.text, pos, p.sentences[s].end - pos);
      out.push_back(std::move(sentence));
    }
  }
  return out;
}

// Built once (thread-safe static initialisation), as the threaded case reads them from
// several threads.
const std::vector<std::string>& PlaceholderSentencesOf(const benchmark::State& state) {
  if (state.range(0) == 0) {
    static const std::vector<std::string> sample = PlaceholderSentences(Prepare(SampleArticles()));
    return sample;
  }
  static const std::vector<std::string> generated = PlaceholderSentences(Prepare(GeneratedArticles(kGeneratedBytes)));
  return generated;
}

// With ->Threads(2) both threads match every sentence with the one RelationRules, as the
// extraction threads do; per-thread CPU time close to one thread's means they scale.
void BM_RelationRulesMatch(benchmark::State& state) {
  static const RelationRules rules = RelationRules::Load(LoadRuleSources(""));
  const std::vector<std::string>& sentences = PlaceholderSentencesOf(state);
  std::size_t bytes = 0;
  for (const std::string& sentence : sentences) bytes += sentence.size();
  for (auto _ : state) {
    for (const std::string& sentence : sentences) benchmark::DoNotOptimize(rules.Match(sentence));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences.size()));
  state.SetLabel(std::to_string(sentences.size()) + " placeholder sentences");
}
BENCHMARK(BM_RelationRulesMatch)->Arg(0)->Arg(1);
BENCHMARK(BM_RelationRulesMatch)->Arg(1)->Threads(2);

// Every sentence of the articles against its article's date; the extractor asks only for
// the sentences that state a relation, but those are as varied and as rarely dated.
void BM_ResolveSentenceDate(benchmark::State& state) {
  const std::vector<Prepared> prepared = Prepare(Input(state));
  std::size_t sentences = 0;
  for (const Prepared& p : prepared) sentences += p.sentences.size();
  for (auto _ : state) {
    for (const Prepared& p : prepared) {
      for (const SentenceSpan& span : p.sentences) {
        std::string_view sentence(p.text.text.data() + span.begin, span.end - span.begin);
        benchmark::DoNotOptimize(ResolveSentenceDate(sentence, p.date));
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * PreparedBytes(prepared)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sentences));
  state.SetLabel(std::to_string(sentences) + " sentences");
}
BENCHMARK(BM_ResolveSentenceDate)->Arg(0)->Arg(1);

void BM_ExtractorExtract(benchmark::State& state) {
  static const Extractor extractor;
  const std::vector<Document>& documents = Input(state);
  CollectingDiagnostics diagnostics;
  for (auto _ : state) {
    for (const Document& document : documents) benchmark::DoNotOptimize(extractor.Extract(document, diagnostics));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TextBytes(documents)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * documents.size()));
  Label(state, documents);
}
BENCHMARK(BM_ExtractorExtract)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace actorgraph
