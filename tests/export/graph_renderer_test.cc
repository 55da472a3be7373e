#include "export/graph_renderer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/dot_writer.h"
#include "extract/error.h"
#include "tests/export/export_graphs.h"

namespace actorgraph {
namespace {

std::string Render(const ActorGraph& graph, Layout layout, RenderFormat format) {
  std::ostringstream dot, out;
  WriteDot(graph, dot);
  RenderDot(dot.str(), layout, format, out);
  return out.str();
}

// Keeps a copy for a person to look at when ACTORGRAPH_RENDER_DIR is set.
void Keep(const std::string& name, const std::string& bytes) {
  if (const char* dir = std::getenv("ACTORGRAPH_RENDER_DIR")) {
    std::ofstream(std::filesystem::path(dir) / name, std::ios::binary) << bytes;
  }
}

TEST(GraphRenderer, ParsesLayouts) {
  EXPECT_EQ(ParseLayout("sfdp"), Layout::kSfdp);
  EXPECT_EQ(ParseLayout("auto"), Layout::kAuto);
  EXPECT_THROW(ParseLayout("circo"), Error);
}

TEST(GraphRenderer, AutoLayoutIsDotForSmallGraphsAndSfdpForLarge) {
  EXPECT_EQ(ResolveLayout(Layout::kAuto, 10), Layout::kDot);
  EXPECT_EQ(ResolveLayout(Layout::kAuto, kAutoDotMaxNodes), Layout::kDot);
  EXPECT_EQ(ResolveLayout(Layout::kAuto, kAutoDotMaxNodes + 1), Layout::kSfdp);
  EXPECT_EQ(ResolveLayout(Layout::kNeato, 100000), Layout::kNeato);
}

TEST(GraphRenderer, RendersSvgPngAndPdf) {
  ActorGraph graph = testing::SmallGraph();
  std::string svg = Render(graph, Layout::kAuto, RenderFormat::kSvg);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Sergey Lavrov"), std::string::npos);
  std::string png = Render(graph, Layout::kAuto, RenderFormat::kPng);
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  std::string pdf = Render(graph, Layout::kAuto, RenderFormat::kPdf);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  Keep("small.svg", svg);
  Keep("small.png", png);
  Keep("small_sfdp.png", Render(graph, Layout::kSfdp, RenderFormat::kPng));
}

TEST(GraphRenderer, EveryLayoutWorks) {
  ActorGraph graph = testing::SmallGraph();
  for (Layout layout : {Layout::kDot, Layout::kNeato, Layout::kFdp, Layout::kSfdp})
    EXPECT_NE(Render(graph, layout, RenderFormat::kSvg).find("</svg>"), std::string::npos)
        << LayoutName(layout);
}

TEST(GraphRenderer, AutoLayoutStaysQuickOnLargeGraphs) {
  ActorGraph graph = testing::LargeGraph(500);
  ASSERT_EQ(graph.nodes().size(), 500u);
  auto start = std::chrono::steady_clock::now();
  std::string svg = Render(graph, Layout::kAuto, RenderFormat::kSvg);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_LT(seconds, 60) << "sanitizer builds are slow, but dot would take minutes";
}

TEST(GraphRenderer, BadDotIsAnError) {
  std::ostringstream out;
  EXPECT_THROW(RenderDot("digraph { a -> ", Layout::kDot, RenderFormat::kSvg, out), Error);
}

TEST(GraphRenderer, UnknownEngineSuggestsRegisteringPlugins) {
  std::ostringstream out;
  try {
    RenderDot("digraph { a -> b }", static_cast<Layout>(99), RenderFormat::kSvg, out);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("dot -c"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace actorgraph
