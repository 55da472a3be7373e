// Rendering goes DOT text -> agmemread -> gvLayout -> gvRenderData -> stream. Parsing the
// DOT that dot_writer wrote (rather than sharing its cgraph graph) keeps the writers
// independent and guarantees the picture shows what graph.dot says; the parse costs
// little next to the layout. gvRenderData renders into memory so the caller can stream
// the bytes into an AtomicFile.
#include "export/graph_renderer.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>
#include <utility>

#include "extract/error.h"

namespace actorgraph {
namespace {

// The one Graphviz context of the process: gvContext loads the plugin configuration,
// which is slow and meant to happen once. Move-only, like every handle here.
class GvcContext {
 public:
  GvcContext() : gvc_(gvContext()) {}
  ~GvcContext() {
    if (gvc_ != nullptr) gvFreeContext(gvc_);
  }
  GvcContext(const GvcContext&) = delete;
  GvcContext& operator=(const GvcContext&) = delete;
  GVC_t* get() const { return gvc_; }

  static GvcContext& Instance() {
    static GvcContext context;
    return context;
  }

 private:
  GVC_t* gvc_;
};

// Owns an Agraph_t; move-only.
class ParsedGraph {
 public:
  explicit ParsedGraph(Agraph_t* graph) : graph_(graph) {}
  ~ParsedGraph() {
    if (graph_ != nullptr) agclose(graph_);
  }
  ParsedGraph(ParsedGraph&& other) noexcept : graph_(std::exchange(other.graph_, nullptr)) {}
  ParsedGraph& operator=(ParsedGraph&& other) noexcept {
    std::swap(graph_, other.graph_);
    return *this;
  }
  Agraph_t* get() const { return graph_; }

 private:
  Agraph_t* graph_;
};

// A layout attached to a graph; frees it (gvFreeLayout) before the graph is closed.
class GraphLayout {
 public:
  GraphLayout(GVC_t* gvc, Agraph_t* graph) : gvc_(gvc), graph_(graph) {}
  ~GraphLayout() { gvFreeLayout(gvc_, graph_); }
  GraphLayout(const GraphLayout&) = delete;
  GraphLayout& operator=(const GraphLayout&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* graph_;
};

// Graphviz reports through agerr, which prints to stderr unless a handler is set. While
// one of these lives, messages are collected so they can go into the Error instead.
class GraphvizMessages {
 public:
  GraphvizMessages() : previous_(agseterrf(&Collect)) { Text().clear(); }
  ~GraphvizMessages() { agseterrf(previous_); }
  GraphvizMessages(const GraphvizMessages&) = delete;
  GraphvizMessages& operator=(const GraphvizMessages&) = delete;

  // The collected messages on one line.
  std::string str() const {
    std::string text = Text();
    for (char& c : text)
      if (c == '\n') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  }

 private:
  static std::string& Text() {
    static std::string text;
    return text;
  }
  static int Collect(char* message) {
    Text() += message;
    return 0;
  }
  agusererrf previous_;
};

}  // namespace

Layout ParseLayout(std::string_view name) {
  for (Layout layout : {Layout::kAuto, Layout::kDot, Layout::kNeato, Layout::kFdp, Layout::kSfdp})
    if (name == LayoutName(layout)) return layout;
  throw Error("unknown layout '" + std::string(name) +
              "': choose auto, dot, neato, fdp or sfdp");
}

const char* LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kAuto: return "auto";
    case Layout::kDot: return "dot";
    case Layout::kNeato: return "neato";
    case Layout::kFdp: return "fdp";
    case Layout::kSfdp: return "sfdp";
  }
  return "auto";
}

Layout ResolveLayout(Layout layout, std::size_t node_count) {
  if (layout != Layout::kAuto) return layout;
  return node_count <= kAutoDotMaxNodes ? Layout::kDot : Layout::kSfdp;
}

const char* RenderFormatName(RenderFormat format) {
  switch (format) {
    case RenderFormat::kSvg: return "svg";
    case RenderFormat::kPng: return "png";
    case RenderFormat::kPdf: return "pdf";
  }
  return "svg";
}

void RenderDot(const std::string& dot, Layout layout, RenderFormat format, std::ostream& out) {
  GVC_t* gvc = GvcContext::Instance().get();
  if (gvc == nullptr) throw Error("Graphviz could not start (gvContext failed)");
  GraphvizMessages messages;

  ParsedGraph graph(agmemread(dot.c_str()));
  if (graph.get() == nullptr) throw Error("Graphviz cannot read the DOT: " + messages.str());

  Layout engine = ResolveLayout(layout, static_cast<std::size_t>(agnnodes(graph.get())));
  const char* engine_name = LayoutName(engine);
  if (gvLayout(gvc, graph.get(), engine_name) != 0) {
    std::string message = "Graphviz layout '" + std::string(engine_name) + "' failed: " + messages.str();
    if (message.find("not recognized") != std::string::npos) {
      message += " (Graphviz's plugins are not registered: run `dot -c` once as root)";
    }
    throw Error(message);
  }
  GraphLayout laid_out(gvc, graph.get());

  char* data = nullptr;
  unsigned int length = 0;
  const char* format_name = RenderFormatName(format);
  if (gvRenderData(gvc, graph.get(), format_name, &data, &length) != 0) {
    if (data != nullptr) gvFreeRenderData(data);
    std::string message = "Graphviz cannot render " + std::string(format_name) + ": " + messages.str();
    if (message.find("not recognized") != std::string::npos) {
      message += " (Graphviz's plugins are not registered: run `dot -c` once as root)";
    }
    throw Error(message);
  }
  out.write(data, length);
  gvFreeRenderData(data);
}

}  // namespace actorgraph
