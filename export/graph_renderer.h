// Draws a DOT graph as SVG, PNG or PDF with Graphviz's layout engines (libgvc).
#ifndef ACTORGRAPH_EXPORT_GRAPH_RENDERER_H_
#define ACTORGRAPH_EXPORT_GRAPH_RENDERER_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace actorgraph {

// Graphviz's layout engines. kAuto picks dot (layered, the most readable) for graphs of
// up to kAutoDotMaxNodes nodes and sfdp (force-directed, multilevel) above, because
// dot's time explodes with size: measured on this project's machine, dot was killed
// after 150 s on 500 nodes and 1,000 edges where sfdp took 0.15 s (20,000 nodes: 17 s).
enum class Layout { kAuto, kDot, kNeato, kFdp, kSfdp };
inline constexpr std::size_t kAutoDotMaxNodes = 50;

// "auto", "dot", "neato", "fdp", "sfdp". Throws Error naming the valid ones otherwise.
Layout ParseLayout(std::string_view name);
const char* LayoutName(Layout layout);

// The engine kAuto stands for at `node_count` nodes; other layouts as they are.
Layout ResolveLayout(Layout layout, std::size_t node_count);

enum class RenderFormat { kSvg, kPng, kPdf };
const char* RenderFormatName(RenderFormat format);  // "svg", "png", "pdf"

// Lays out `dot` (DOT text, as export/dot_writer.h writes it) with `layout` and writes
// the drawing to `out`. Throws Error when the DOT does not parse or Graphviz fails, with
// Graphviz's message; when Graphviz's plugins are not registered (layout "not
// recognized", which happens after installing Graphviz without its postinst step) the
// message says to run `dot -c` as root. Does not check `out`.
//
// Not thread-safe (Graphviz keeps global state); the process shares one Graphviz
// context, created on first use and freed at exit.
void RenderDot(const std::string& dot, Layout layout, RenderFormat format, std::ostream& out);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_GRAPH_RENDERER_H_
