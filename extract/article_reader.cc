// The reader is a small state machine over the user's paths. Each path, when Next()
// reaches it, becomes either a list of .txt files (one file, or every .txt below a
// folder, sorted) read one per call, or an open JSONL stream read one line per call.
// Only the current article and, for a folder, the list of its file names are held, so
// memory does not grow with the corpus. Files are read through stdio (FILE*, owned by a
// small RAII class) because it reports errno reliably for messages like
// "a.txt: cannot read: Permission denied" and reads standard input the same way.
#include "extract/article_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include "extract/date_resolver.h"
#include "extract/error.h"
#include "extract/json_line.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

// At least this much is read of a file, however small the size limit, so that a binary
// file (a NUL in what is read) is recognised as one.
constexpr std::size_t kBinaryProbeBytes = 8192;
constexpr std::size_t kChunkBytes = 1 << 16;
// A dateline sits at the top: look no further than this many bytes and lines.
constexpr std::size_t kDatelineBytes = 600;
constexpr int kDatelineLines = 10;

// Move-only owner of a FILE*; standard input is borrowed, not closed.
class File {
 public:
  File() = default;
  File(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  File(File&& other) noexcept : file_(std::exchange(other.file_, nullptr)), owned_(other.owned_) {}
  File& operator=(File&& other) noexcept {
    if (this != &other) {
      Close();
      file_ = std::exchange(other.file_, nullptr);
      owned_ = other.owned_;
    }
    return *this;
  }
  ~File() { Close(); }

  std::FILE* get() const { return file_; }
  explicit operator bool() const { return file_ != nullptr; }
  void Close() {
    if (file_ != nullptr && owned_) std::fclose(file_);
    file_ = nullptr;
  }

 private:
  std::FILE* file_ = nullptr;
  bool owned_ = true;
};

// Splits a stream into lines without ever holding more than `max_line` bytes of one:
// the rest of a longer line is read and dropped, and the line reported as too long.
class LineReader {
 public:
  enum class Result { kLine, kTooLong, kEnd, kError };

  LineReader(std::FILE* file, std::size_t max_line)
      : file_(file), max_line_(max_line), buffer_(kChunkBytes) {}

  // The next line without its "\n" (or "\r\n"). kError leaves errno set.
  Result Next(std::string* line) {
    line->clear();
    bool too_long = false;
    bool any = false;
    for (;;) {
      if (begin_ == end_) {
        end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
        begin_ = 0;
        if (end_ == 0) {
          if (std::ferror(file_)) return Result::kError;
          if (!any) return Result::kEnd;
          break;  // a last line without a newline
        }
      }
      any = true;
      const char* start = buffer_.data() + begin_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
      std::size_t length =
          newline != nullptr ? static_cast<std::size_t>(newline - start) : end_ - begin_;
      if (!too_long) {
        if (line->size() + length > max_line_) {
          too_long = true;
          line->clear();
        } else {
          line->append(start, length);
        }
      }
      begin_ += length;
      if (newline != nullptr) {
        ++begin_;
        break;
      }
    }
    if (too_long) return Result::kTooLong;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return Result::kLine;
  }

 private:
  std::FILE* file_;
  std::size_t max_line_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

std::string Lowercase(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// ".txt" and ".TXT" alike.
std::string ExtensionOf(const fs::path& path) { return Lowercase(path.extension().string()); }

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// The date of a plain-text article, from its first lines: " date 2022-03-31 ...",
// "3-7-2024 < RT ...", "March 31, 2022", "31 March 2022". Empty when there is none.
std::string FindDateline(std::string_view text) {
  std::string_view head = text.substr(0, kDatelineBytes);
  std::size_t end = 0;
  for (int line = 0; line < kDatelineLines && end < head.size(); ++line) {
    std::size_t newline = head.find('\n', end);
    end = newline == std::string_view::npos ? head.size() : newline + 1;
  }
  head = head.substr(0, end);
  // Do not judge a date cut in half at the byte limit.
  if (head.size() == kDatelineBytes && text.size() > kDatelineBytes) {
    std::size_t space = head.find_last_of(" \t\r\n");
    if (space != std::string_view::npos) head = head.substr(0, space);
  }
  std::optional<CalendarDate> date = FindFullDate(head);
  return date ? date->ToString() : std::string();
}

}  // namespace

struct ArticleReader::Impl {
  Impl(std::vector<std::string> p, ReaderOptions o, Diagnostics& d)
      : paths(std::move(p)), options(o), diagnostics(d) {}

  bool Next(Document* doc);

  // A problem with one input: thrown, or with skip_bad warned about and counted.
  void Problem(const std::string& message) {
    if (!options.skip_bad) throw Error(message);
    diagnostics.Warn(message + "; skipped");
    ++skipped;
  }
  // Not an error in any mode: binary and empty files.
  void Skip(const std::string& message) {
    diagnostics.Warn(message);
    ++skipped;
  }

  void OpenPath(const std::string& path);
  void OpenStandardInput(Document* doc, bool* have_doc);
  void ListFolder(const std::string& root);
  bool ReadTextFile(const std::string& path, Document* doc);
  bool ReadPlainText(std::FILE* file, const std::string& label, std::string prefix, Document* doc);
  bool NextJsonLine(Document* doc);
  void StartJsonl(File file, std::string label, std::size_t first_line_number);

  std::vector<std::string> paths;
  ReaderOptions options;
  Diagnostics& diagnostics;
  std::size_t next_path = 0;

  // The .txt files of the current path still to read.
  std::vector<std::string> files;
  std::size_t next_file = 0;

  // The JSONL stream being read, if any.
  File jsonl;
  std::unique_ptr<LineReader> lines;
  std::string jsonl_label;
  std::size_t line_number = 0;
  bool jsonl_had_bytes = false;
  std::string line;
  JsonLine json;

  std::size_t articles = 0;
  std::size_t bytes = 0;
  std::size_t skipped = 0;
};

bool ArticleReader::Impl::Next(Document* doc) {
  for (;;) {
    if (lines != nullptr) {
      if (NextJsonLine(doc)) return true;
      continue;
    }
    if (next_file < files.size()) {
      if (ReadTextFile(files[next_file++], doc)) return true;
      continue;
    }
    files.clear();
    next_file = 0;
    if (next_path >= paths.size()) return false;
    const std::string& path = paths[next_path++];
    if (path == "-") {
      bool have_doc = false;
      OpenStandardInput(doc, &have_doc);
      if (have_doc) return true;
      continue;
    }
    OpenPath(path);
  }
}

void ArticleReader::Impl::OpenPath(const std::string& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    if (!ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
      throw Error(path + ": no such file or directory");  // a typo; never skipped
    }
    Problem(path + ": cannot read: " + ec.message());
    return;
  }
  if (fs::is_directory(status)) {
    ListFolder(path);
    return;
  }
  std::string extension = ExtensionOf(path);
  if (extension == ".txt") {
    files.push_back(path);
  } else if (extension == ".jsonl") {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      Problem(path + ": cannot read: " + std::strerror(errno));
      return;
    }
    StartJsonl(File(file, true), path, 1);
  } else {
    Problem(path + ": not a .txt, .jsonl or folder");
  }
}

// Standard input is JSONL when its first non-blank byte is '{', else one article. The
// blank bytes read to find out belong to the article (a dateline may start with a space)
// or, for JSONL, shift the line numbers.
void ArticleReader::Impl::OpenStandardInput(Document* doc, bool* have_doc) {
  std::string prefix;
  int c;
  while ((c = std::getc(stdin)) != EOF &&
         (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')) {
    prefix.push_back(static_cast<char>(c));
  }
  if (c == '{') {
    std::ungetc(c, stdin);
    std::size_t newlines = static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), '\n'));
    StartJsonl(File(stdin, false), "-", newlines + 1);
    jsonl_had_bytes = true;
    return;
  }
  if (c != EOF) std::ungetc(c, stdin);
  if (ReadPlainText(stdin, "-", std::move(prefix), doc)) {
    doc->id = "stdin";
    *have_doc = true;
  }
}

void ArticleReader::Impl::ListFolder(const std::string& root) {
  struct Found {
    std::string relative;  // sorted on this, byte-wise
    std::string path;
  };
  std::vector<Found> found;
  // Folders already listed, by canonical path: a symlink back to one of them (a loop, or
  // a second name for the same folder) is not followed again.
  std::set<fs::path> visited;
  std::error_code ec;
  visited.insert(fs::canonical(root, ec));

  struct Pending {
    fs::path folder;
    std::string relative;
  };
  std::vector<Pending> stack = {{fs::path(root), ""}};
  while (!stack.empty()) {
    Pending pending = std::move(stack.back());
    stack.pop_back();
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(pending.folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) {
      Problem(pending.folder.string() + ": cannot read: " + ec.message());
      ec.clear();
      continue;
    }
    // Sorted so that which of two names for a folder wins does not depend on disk order.
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename().string() < b.path().filename().string();
    });
    std::vector<Pending> subfolders;
    for (const fs::directory_entry& entry : entries) {
      std::string name = entry.path().filename().string();
      std::error_code entry_ec;
      if (entry.is_directory(entry_ec)) {  // follows symlinks
        fs::path canonical = fs::canonical(entry.path(), entry_ec);
        if (entry_ec) {
          Problem(entry.path().string() + ": cannot read: " + entry_ec.message());
          continue;
        }
        if (!visited.insert(canonical).second) {
          diagnostics.Warn(entry.path().string() +
                           ": not followed: folder already read (symlink loop or second name)");
          continue;
        }
        subfolders.push_back({entry.path(), pending.relative + name + "/"});
      } else if (ExtensionOf(entry.path()) == ".txt") {
        found.push_back({pending.relative + name, entry.path().string()});
      }
    }
    std::move(subfolders.rbegin(), subfolders.rend(), std::back_inserter(stack));
  }

  if (found.empty()) {
    Problem(root + ": no .txt articles found");
    return;
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.relative < b.relative; });
  files.reserve(found.size());
  for (Found& f : found) files.push_back(std::move(f.path));
}

bool ArticleReader::Impl::ReadTextFile(const std::string& path, Document* doc) {
  // Opened without blocking and checked before reading: a FIFO named x.txt would
  // otherwise wait for a writer forever, and a device never end.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    Problem(path + ": cannot read: " + std::strerror(errno));
    return false;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    Problem(path + ": cannot read: not a regular file");
    return false;
  }
  File file(::fdopen(fd, "rb"), true);
  if (!file) {
    int error = errno;
    ::close(fd);
    Problem(path + ": cannot read: " + std::strerror(error));
    return false;
  }
  if (!ReadPlainText(file.get(), path, "", doc)) return false;
  doc->id = fs::path(path).stem().string();
  return true;
}

// Reads `file` as one article into doc->text (after `prefix`), applying the empty,
// binary and size checks; fills everything but doc->id.
bool ArticleReader::Impl::ReadPlainText(std::FILE* file, const std::string& label,
                                        std::string prefix, Document* doc) {
  std::string& text = doc->text;
  text = std::move(prefix);
  const std::size_t limit = options.max_article_bytes;
  bool probed = false;
  bool cut = false;
  for (;;) {
    // Read a little past the limit so a longer article is noticed, never much more.
    std::size_t want = std::min(kChunkBytes, limit + 1 - std::min(text.size(), limit + 1));
    if (!probed) want = std::max(want, kBinaryProbeBytes);
    if (want == 0) {
      cut = true;
      break;
    }
    std::size_t old_size = text.size();
    text.resize(old_size + want);
    std::size_t got = std::fread(text.data() + old_size, 1, want, file);
    text.resize(old_size + got);
    if (text.size() >= kBinaryProbeBytes || got < want) probed = true;
    // A NUL anywhere in what is read makes the file binary, not only one near the start:
    // a text file with a stray NUL in the middle is not prose either.
    if (std::memchr(text.data() + old_size, '\0', got) != nullptr) {
      Skip(label + ": skipped: binary file");
      return false;
    }
    if (got < want) {
      if (std::ferror(file)) {
        Problem(label + ": cannot read: " + std::strerror(errno));
        return false;
      }
      cut = text.size() > limit;
      break;
    }
  }
  if (text.empty()) {
    Skip(label + ": skipped: empty file");
    return false;
  }
  if (cut) {
    // Cut at the limit, but not inside a UTF-8 sequence.
    std::size_t size = limit;
    for (int back = 0;
         back < 3 && size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80; ++back) {
      --size;
    }
    text.resize(size);
    if (text.empty()) {  // a limit smaller than the first character leaves nothing
      Skip(label + ": skipped: no whole character within the limit of " +
           std::to_string(limit) + " bytes");
      return false;
    }
    diagnostics.Warn(label + ": article cut to " + std::to_string(size) +
                     " bytes (longer than the limit of " + std::to_string(limit) + ")");
  }
  doc->origin = label;
  doc->date = FindDateline(text);
  doc->title.clear();
  doc->url.clear();
  ++articles;
  bytes += text.size();
  return true;
}

void ArticleReader::Impl::StartJsonl(File file, std::string label, std::size_t first_line_number) {
  jsonl = std::move(file);
  lines = std::make_unique<LineReader>(jsonl.get(), options.max_article_bytes);
  jsonl_label = std::move(label);
  line_number = first_line_number - 1;
  jsonl_had_bytes = false;
}

bool ArticleReader::Impl::NextJsonLine(Document* doc) {
  for (;;) {
    LineReader::Result result = lines->Next(&line);
    if (result == LineReader::Result::kEnd || result == LineReader::Result::kError) {
      int error = errno;
      bool empty = !jsonl_had_bytes;
      std::string label = jsonl_label;
      lines.reset();
      jsonl = File();
      if (result == LineReader::Result::kError) {
        Problem(label + ": cannot read: " + std::strerror(error));
      } else if (empty) {
        Skip(label + ": skipped: empty file");
      }
      return false;
    }
    jsonl_had_bytes = true;
    ++line_number;
    std::string where = jsonl_label + ":" + std::to_string(line_number);
    if (result == LineReader::Result::kTooLong) {
      Problem(where + ": line longer than the limit of " +
              std::to_string(options.max_article_bytes) + " bytes");
      continue;
    }
    std::string_view view = line;
    if (line_number == 1 && view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);  // BOM
    if (IsBlank(view)) continue;
    std::string error;
    if (!json.Parse(view, &error)) {
      Problem(where + ": not a JSON object: " + error);
      continue;
    }
    const JsonMember* text = json.Find("text");
    const JsonMember* id = json.Find("id");
    if (text == nullptr || text->kind != JsonMember::Kind::kString) {
      Problem(where + ": no \"text\" field" + (text != nullptr ? " that is a string" : ""));
      continue;
    }
    if (id == nullptr || id->value.empty()) {
      Problem(where + ": no \"id\" field");
      continue;
    }
    if (text->value.empty()) {
      Skip(where + ": skipped: empty \"text\"");
      continue;
    }
    auto string_member = [&](std::string_view name) {
      const JsonMember* m = json.Find(name);
      return m != nullptr && m->kind == JsonMember::Kind::kString ? m->value : std::string();
    };
    doc->id = id->value;
    doc->origin = where;
    doc->text = text->value;
    doc->title = string_member("title");
    doc->url = string_member("url");
    doc->date.clear();
    if (std::string date = string_member("date"); !IsBlank(date)) {
      if (std::optional<CalendarDate> parsed = FindFullDate(date)) {
        doc->date = parsed->ToString();
      } else {
        diagnostics.Warn(where + ": date \"" + date + "\" not understood; ignored");
      }
    }
    ++articles;
    bytes += doc->text.size();
    return true;
  }
}

ArticleReader::ArticleReader(std::vector<std::string> paths, ReaderOptions options,
                             Diagnostics& diagnostics)
    : impl_(std::make_unique<Impl>(std::move(paths), options, diagnostics)) {}

ArticleReader::~ArticleReader() = default;

bool ArticleReader::Next(Document* doc) { return impl_->Next(doc); }

std::size_t ArticleReader::articles_read() const { return impl_->articles; }
std::size_t ArticleReader::bytes_read() const { return impl_->bytes; }
std::size_t ArticleReader::skipped() const { return impl_->skipped; }

}  // namespace actorgraph
