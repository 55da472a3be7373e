#include "cli/command_line.h"

#include <charconv>
#include <filesystem>
#include <sstream>

namespace actorgraph {
namespace {

const char kGeneralHelp[] = R"(Usage: actorgraph <command> [options] PATH...

Reads news articles, finds the actors in them (people, countries, organisations) and what
they did to each other, and builds a graph for Graphviz and Gephi. Every edge keeps the
sentences it was read from.

Commands:
  build     articles in, graph files out (DOT, GraphML, GEXF, SVG ...)
  extract   articles in, one relation per row out (TSV or JSON Lines)
  stats     counts, relations by type and the most central actors
  explain   every relation of an actor, or between two, with its evidence

PATH is a .txt article, a folder of them, a .jsonl file (one {"id", "text"} object per
line; optional "title", "date", "url"), or - for standard input.

Options:
  -h, --help       show this help, or a command's with 'actorgraph <command> --help'
  -V, --version    show the version

Exit status: 0 on success, 1 on a runtime error (bad input, unwritable output), 2 on a
usage error.
)";

const char kViewsHelp[] = R"(
Views (combinable):
  --relations LIST     keep only these relation types (met,called,...)
  --since DATE         keep relations dated on or after DATE (YYYY[-MM[-DD]])
  --until DATE         keep relations dated on or before DATE
  --min-weight N       keep edges with at least N mentions
  --focus ACTOR        keep the ego network of ACTOR (any of its names)
  --depth K            ... up to K hops (default 1)
  --countries          attribute each person's acts to their country
  --no-negated         drop relations the text says did not happen
  --max-evidence N     evidence sentences kept per edge (default 5)
)";

const char kCommonHelp[] = R"(
Input and rules:
  --rules DIR          also load the *.actors, *.rules, *.words files of DIR
  --threads N          threads for extraction, analytics and writing (default:
                       the machine's cores; the output is the same for any N)
  --skip-bad           skip unreadable files and broken JSONL lines, with a warning
  -q, --quiet          no progress or summary on stderr
  --timings            print the time of each stage on stderr at the end (rules,
                       extract, graph, write), even with -q
)";

std::string CommandHelp(const std::string& command) {
  std::ostringstream help;
  if (command == "build") {
    help << "Usage: actorgraph build PATH... -o DIR [options]\n\n"
            "Builds the actor graph of the articles and writes it to DIR.\n\n"
            "Output:\n"
            "  -o, --output DIR     the folder to write (created if missing)\n"
            "  --format LIST        any of dot,graphml,gexf,csv,json,svg,png,pdf\n"
            "                       (default dot,graphml,gexf,svg)\n"
            "  --layout NAME        auto, dot, neato, fdp or sfdp for pictures (default auto:\n"
            "                       dot for small graphs, sfdp for large ones)\n"
         << kViewsHelp << kCommonHelp;
  } else if (command == "extract") {
    help << "Usage: actorgraph extract PATH... [-o FILE] [options]\n\n"
            "Prints one relation per row: doc sentence source relation target negated\n"
            "modality date evidence.\n\n"
            "Output:\n"
            "  -o, --output FILE    write to FILE instead of standard output\n"
            "  --format FORMAT      tsv (default, with a header) or jsonl\n"
            "  --explain            add the rule (file:line) that matched and the words\n"
            "                       that named each actor\n"
         << kCommonHelp;
  } else if (command == "stats") {
    help << "Usage: actorgraph stats PATH... [options]\n\n"
            "Counts actors, relations and articles, relations by type, the top actors by\n"
            "degree, betweenness and PageRank, and the components.\n\n"
            "  --top N              actors listed per ranking (default 10)\n"
         << kViewsHelp << kCommonHelp;
  } else if (command == "explain") {
    help << "Usage: actorgraph explain ACTOR [ACTOR] [--in PATH]... [options]\n\n"
            "Lists every relation of ACTOR, or between the two, with its dates and the\n"
            "sentences behind it. ACTOR is any name the actor was seen under.\n\n"
            "  --in PATH            articles to read (repeatable; default: ./corpus)\n"
         << kViewsHelp << kCommonHelp;
  }
  return help.str();
}

bool IsCommand(const std::string& word) {
  return word == "build" || word == "extract" || word == "stats" || word == "explain";
}

std::vector<std::string> SplitList(const std::string& value) {
  std::vector<std::string> items;
  std::stringstream stream(value);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

long ParseNumber(const std::string& option, const std::string& value, long min) {
  long number = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size() || number < min) {
    throw UsageError("option " + option + " needs a number >= " + std::to_string(min) + ", not '" + value + "'");
  }
  return number;
}

}  // namespace

std::string HelpText(const std::string& command) {
  return command.empty() ? kGeneralHelp : CommandHelp(command);
}

void ParseCommandLine(int argc, char** argv, Invocation* out) {
  Invocation& inv = *out;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::size_t i = 0;
  if (i < args.size() && (args[i] == "-h" || args[i] == "--help")) {
    inv.help = true;
    return;
  }
  if (i < args.size() && (args[i] == "-V" || args[i] == "--version")) {
    inv.version = true;
    return;
  }
  if (i >= args.size()) throw UsageError("no command given");
  if (!IsCommand(args[i])) throw UsageError("unknown command '" + args[i] + "'");
  inv.command = args[i++];

  bool views = inv.command != "extract";
  bool only_positional = false;
  std::vector<std::string> positional;
  while (i < args.size()) {
    std::string arg = args[i++];
    if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
      positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string value;
    bool has_inline = false;
    if (arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos) {
      value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
      has_inline = true;
    }
    auto take = [&]() {
      if (has_inline) return value;
      if (i >= args.size()) throw UsageError("option " + arg + " needs a value");
      return args[i++];
    };
    auto flag = [&]() {
      if (has_inline) throw UsageError("option " + arg + " takes no value");
      return true;
    };
    if (arg == "-h" || arg == "--help") inv.help = flag();
    else if (arg == "-q" || arg == "--quiet") inv.quiet = flag();
    else if (arg == "--timings") inv.timings = flag();
    else if (arg == "--skip-bad") inv.skip_bad = flag();
    else if (arg == "--rules") inv.rules_dir = take();
    else if (arg == "--threads") inv.threads = static_cast<int>(ParseNumber(arg, take(), 1));
    else if ((arg == "-o" || arg == "--output") && inv.command != "stats" && inv.command != "explain") inv.output = take();
    else if (arg == "--format" && (inv.command == "build" || inv.command == "extract")) inv.formats = SplitList(take());
    else if (arg == "--layout" && inv.command == "build") inv.layout = take();
    else if (arg == "--explain" && inv.command == "extract") inv.explain_rules = flag();
    else if (arg == "--top" && inv.command == "stats") inv.top = ParseNumber(arg, take(), 1);
    else if (arg == "--in" && inv.command == "explain") inv.inputs.push_back(take());
    else if (views && arg == "--relations") inv.graph.relations = SplitList(take());
    else if (views && arg == "--since") inv.graph.since = take();
    else if (views && arg == "--until") inv.graph.until = take();
    else if (views && arg == "--min-weight") inv.graph.min_weight = static_cast<int>(ParseNumber(arg, take(), 1));
    else if (views && arg == "--focus") inv.graph.focus = take();
    else if (views && arg == "--depth") inv.graph.depth = static_cast<int>(ParseNumber(arg, take(), 0));
    else if (views && arg == "--countries") inv.graph.countries = flag();
    else if (views && arg == "--no-negated") inv.graph.no_negated = flag();
    else if (views && arg == "--max-evidence") inv.graph.max_evidence_per_edge = ParseNumber(arg, take(), 0);
    else throw UsageError("unknown option '" + arg + "' for " + inv.command);
  }
  if (inv.help) return;

  if (inv.command == "explain") {
    if (positional.empty() || positional.size() > 2) throw UsageError("explain needs one or two actor names");
    inv.actors = positional;
    if (inv.inputs.empty()) inv.inputs.push_back("corpus");
  } else {
    inv.inputs = positional;
    if (inv.inputs.empty()) throw UsageError(inv.command + " needs at least one PATH of articles");
  }
  if (inv.command == "build" && inv.output.empty()) throw UsageError("build needs an output folder: -o DIR");
  if (inv.command == "extract") {
    if (inv.formats.size() > 1 || (!inv.formats.empty() && inv.formats[0] != "tsv" && inv.formats[0] != "jsonl")) {
      throw UsageError("extract --format is tsv or jsonl");
    }
  }
  if (inv.command == "build" && inv.layout != "auto" && inv.layout != "dot" && inv.layout != "neato" &&
      inv.layout != "fdp" && inv.layout != "sfdp") {
    throw UsageError("unknown layout '" + inv.layout + "' (auto, dot, neato, fdp, sfdp)");
  }
}

}  // namespace actorgraph
