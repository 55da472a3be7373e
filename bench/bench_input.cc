#include "bench/bench_input.h"

#include <map>
#include <mutex>
#include <random>
#include <string>

#include "extract/article_reader.h"
#include "extract/diagnostics.h"
#include "extract/rule_source.h"

namespace actorgraph {
namespace {

// Relation sentences: {X} and {Y} are actor names, {T} a topic, {W} a time.
const char* const kRelationTemplates[] = {
    "{X} met {Y} in Geneva {W} to discuss {T}.",
    "{X} held talks with {Y} {W} on {T}.",
    "{X} urged {Y} to return to the negotiating table.",
    "{X} warned {Y} against interfering in the election.",
    "{X} criticised {Y} over {T} {W}.",
    "{X} praised {Y} for its role in the talks.",
    "{X} imposed new sanctions on {Y} {W}, citing {T}.",
    "{X} spoke by phone with {Y} {W}, a statement said.",
    "{X} signed a trade agreement with {Y} {W}.",
    "{X} accused {Y} of blocking humanitarian aid.",
    "{X} has refrained from publicly criticising {Y} over {T}.",
    "{X} is expected to meet {Y} on the sidelines of the summit {W}.",
    "Talks between {X} and {Y} resumed {W} after a pause of eight months.",
    "{X} welcomed {Y} at the airport {W}.",
    "{X} told {Y} that {T} would top the agenda.",
};
// Sentences that name one actor, and sentences that name none.
const char* const kStatementTemplates[] = {
    "{X} said {T} remained a priority.",
    "\xE2\x80\x9CThe door to dialogue remains open,\xE2\x80\x9D {X} told reporters {W}.",
    "According to {X}, {T} was discussed at length.",
};
const char* const kFiller[] = {
    "Oil prices rose by 3 percent on Tuesday as traders weighed weaker exports.",
    "The city council approved the new budget after months of debate.",
    "Heavy rain disrupted train services for a second day, officials said.",
    "Retail sales fell to 420 million dollars in the third quarter, the report showed.",
    "The national football team celebrated a late winner in the derby.",
    "Health officials warned of a shortage of workers in rural hospitals.",
    "Shares of the carmaker recovered from a software outage this week.",
};
const char* const kTopics[] = {"trade and investment", "energy security", "the ceasefire proposal",
                               "maritime security", "the nuclear programme", "debt relief",
                               "the grain export deal", "border tensions"};
const char* const kTimes[] = {"on Monday", "on 12 March", "last week", "on Friday", "next week",
                              "on July 4"};

std::string Fill(std::string text, const std::string& x, const std::string& y, std::mt19937& rng) {
  auto replace = [&](const std::string& key, const std::string& value) {
    std::size_t at = text.find(key);
    if (at != std::string::npos) text.replace(at, key.size(), value);
  };
  replace("{X}", x);
  replace("{Y}", y);
  replace("{T}", kTopics[rng() % std::size(kTopics)]);
  replace("{W}", kTimes[rng() % std::size(kTimes)]);
  return text;
}

std::vector<Document> Generate(std::size_t bytes) {
  const Lexicon& lexicon = BuiltinLexicon();
  std::vector<std::string> people, others;
  for (const Actor& actor : lexicon.actors()) {
    (actor.type == ActorType::kPerson ? people : others).push_back(actor.name);
  }
  std::mt19937 rng(1);
  auto pick = [&](const std::vector<std::string>& names) { return names[rng() % names.size()]; };
  std::vector<Document> documents;
  std::size_t total = 0;
  while (total < bytes) {
    // A cast of a few actors per article, as news has; one to sixty sentences.
    std::vector<std::string> cast;
    for (int i = 0; i < 4; ++i) cast.push_back(rng() % 2 ? pick(people) : pick(others));
    const int sentences = 1 + static_cast<int>(rng() % 60);
    Document document;
    document.id = "gen-" + std::to_string(documents.size());
    document.origin = document.id;
    document.date = "20" + std::to_string(10 + rng() % 15) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
                    std::to_string(rng() % 10);
    for (int s = 0; s < sentences; ++s) {
      const std::string& x = cast[rng() % cast.size()];
      const std::string& y = cast[rng() % cast.size()];
      unsigned kind = rng() % 10;
      std::string sentence;
      if (kind < 4) {
        sentence = Fill(kRelationTemplates[rng() % std::size(kRelationTemplates)], x, y, rng);
      } else if (kind < 6) {
        sentence = Fill(kStatementTemplates[rng() % std::size(kStatementTemplates)], x, y, rng);
      } else {
        sentence = kFiller[rng() % std::size(kFiller)];
      }
      document.text += sentence;
      document.text += (rng() % 3 == 0) ? "\n\n" : " ";
    }
    total += document.text.size();
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace

const Lexicon& BuiltinLexicon() {
  static const Lexicon lexicon = Lexicon::Load(LoadRuleSources(""));
  return lexicon;
}

const std::vector<Document>& SampleArticles() {
  static const std::vector<Document> documents = [] {
    CollectingDiagnostics diagnostics;
    ArticleReader reader({ACTORGRAPH_SOURCE_DIR "/corpus"}, ReaderOptions(), diagnostics);
    std::vector<Document> read;
    Document document;
    while (reader.Next(&document)) read.push_back(std::move(document));
    return read;
  }();
  return documents;
}

const std::vector<Document>& GeneratedArticles(std::size_t bytes) {
  static std::mutex mutex;
  static std::map<std::size_t, std::vector<Document>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(bytes);
  if (it == cache.end()) it = cache.emplace(bytes, Generate(bytes)).first;
  return it->second;
}

std::size_t TextBytes(const std::vector<Document>& documents) {
  std::size_t bytes = 0;
  for (const Document& document : documents) bytes += document.text.size();
  return bytes;
}

}  // namespace actorgraph
