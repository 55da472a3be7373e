// Formats the elements of a big export (a million edges at 1 GB of news) on several
// threads, with the bytes of the file the same for any thread count. Each element's text
// depends only on the element, so the elements are cut into chunks, each chunk is
// formatted into a buffer of its own, and the buffers go to the stream in chunk order.
//
//   WriteInOrder(out, edges.size(), threads, [&](std::size_t begin, std::size_t end,
//                                                std::string& text) {
//     for (std::size_t i = begin; i < end; ++i) AppendEdge(graph, i, text);
//   });
#ifndef ACTORGRAPH_EXPORT_ORDERED_CHUNKS_H_
#define ACTORGRAPH_EXPORT_ORDERED_CHUNKS_H_

#include <cstddef>
#include <functional>
#include <ostream>
#include <streambuf>
#include <string>

namespace actorgraph {

// Appends the text of elements [begin, end) to `text`.
using ChunkFormatter = std::function<void(std::size_t begin, std::size_t end, std::string& text)>;

// Writes the text of elements [0, count) to `out`, in order, formatting chunks on up to
// `threads` threads (the calling thread among them). `format` runs concurrently on
// distinct chunks, so it may only read shared state. Each thread writes its own chunks
// to `out`, one thread at a time and in chunk order, while the others format. An
// exception from `format` (or from `out`) is rethrown here once the running chunks are
// done, that of the earliest chunk if several failed; the chunks before it stay
// written (the caller's AtomicFile discards them), none after it is written.
void WriteInOrder(std::ostream& out, std::size_t count, int threads, const ChunkFormatter& format);

// An ostream that appends to a string: for writers that format with operator<<.
class StringAppender : public std::ostream {
 public:
  explicit StringAppender(std::string& text) : std::ostream(&buffer_), buffer_(text) {}

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(std::string& text) : text_(text) {}

   protected:
    int_type overflow(int_type c) override {
      if (!traits_type::eq_int_type(c, traits_type::eof())) text_.push_back(traits_type::to_char_type(c));
      return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
      text_.append(s, static_cast<std::size_t>(n));
      return n;
    }

   private:
    std::string& text_;
  };
  Buffer buffer_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_ORDERED_CHUNKS_H_
