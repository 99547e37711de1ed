#include "compilation.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "literal_conversion.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/mof/lexer.hpp"

namespace wmimock::mof::detail {

namespace {

constexpr int kMaxIncludeDepth = 64;

using Clock = std::chrono::steady_clock;

// POSIX I/O: one open/fstat/read/close per file (the schema has 1,600 of them).
std::optional<std::string> readFile(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::optional<std::string> bytes;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        std::string buffer(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t done = 0;
        while (done < buffer.size()) {
            const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        buffer.resize(done);
        bytes = std::move(buffer);
    }
    ::close(fd);
    return bytes;
}

// `path` with each component matched case-insensitively against what exists, when
// exactly one entry matches at each level; nullopt otherwise.
std::optional<std::filesystem::path> findIgnoringCase(const std::filesystem::path& path) {
    std::filesystem::path current = path.is_absolute() ? path.root_path() : std::filesystem::path(".");
    std::error_code ec;
    for (const auto& part : path.relative_path()) {
        const std::string wanted = part.string();
        if (wanted == "." || wanted == "..") {
            current /= part;
            continue;
        }
        std::optional<std::filesystem::path> match;
        for (std::filesystem::directory_iterator it(current, ec), end; !ec && it != end; it.increment(ec)) {
            if (!iequals(it->path().filename().string(), wanted)) continue;
            if (match) return std::nullopt;  // ambiguous
            match = it->path();
        }
        if (ec || !match) return std::nullopt;
        current = *match;
    }
    if (path.is_relative() && current.begin() != current.end() && *current.begin() == ".") {
        current = current.lexically_relative(".");
    }
    return current;
}

bool isWmiPragma(std::string_view name) {
    return iequals(name, "autorecover") || iequals(name, "classflags") || iequals(name, "instanceflags") ||
           iequals(name, "deleteclass") || iequals(name, "deleteinstance");
}

bool isSystemName(std::string_view name) {
    return name.size() > 2 && name[0] == '_' && name[1] == '_';
}

bool sameDecl(const QualifierDecl& a, const QualifierDecl& b) {
    return a.type == b.type && a.isArray == b.isArray && a.arraySize == b.arraySize && a.scope == b.scope &&
           a.flavor == b.flavor && a.defaultValue == b.defaultValue;
}

}  // namespace

std::optional<std::string> expandSingleKeyPath(std::string_view path, const SchemaNamespace* ns) {
    const auto equals = path.find('=');
    if (ns == nullptr || equals == std::string_view::npos || equals + 1 >= path.size() || path[equals + 1] == '@') {
        return std::nullopt;
    }
    const std::string_view head = path.substr(0, equals);
    if (head.find('.') != std::string_view::npos || head.find('"') != std::string_view::npos) return std::nullopt;
    const auto colon = head.rfind(':');
    std::string_view className = colon == std::string_view::npos ? head : head.substr(colon + 1);
    while (!className.empty() && className.back() == ' ') className.remove_suffix(1);
    const ClassPtr cls = ns->findClass(className);
    if (!cls) return std::nullopt;
    const auto keys = cls->keyNames();
    if (keys.size() != 1) return std::nullopt;
    std::string out(head);
    out += '.';
    out += keys.front();
    out += path.substr(equals);
    return out;
}

std::string normalizeNamespaceName(std::string_view name) {
    std::string s(name);
    for (char& c : s) {
        if (c == '\\') c = '/';
    }
    std::string_view v = s;
    if (v.size() >= 2 && v[0] == '/' && v[1] == '/') {  // //host/ns
        const auto slash = v.find('/', 2);
        v = slash == std::string_view::npos ? std::string_view{} : v.substr(slash);
    }
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        if (c == '/' && (out.empty() || out.back() == '/')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == '/') out.pop_back();
    return out;
}

Compilation::Compilation(const MofCompileOptions& options, SchemaRepository& target, MofCompileResult& result)
    : options_(options), target_(target), result_(result), staging_(target) {}

std::string Compilation::locationText(SourceLoc loc) const {
    const std::string& file = loc.file < files_.size() ? files_[loc.file].name : std::string("<input>");
    return file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

void Compilation::error(SourceLoc loc, std::string message) {
    if (errorCount_ >= options_.maxErrors) {
        if (!limitReported_) {
            limitReported_ = true;
            MofDiagnostic d;
            d.file = loc.file < files_.size() ? files_[loc.file].name : std::string("<input>");
            d.line = static_cast<int>(loc.line);
            d.column = static_cast<int>(loc.column);
            d.message = "too many errors (" + std::to_string(options_.maxErrors) + "), stopping";
            result_.diagnostics.push_back(std::move(d));
        }
        return;
    }
    ++errorCount_;
    MofDiagnostic d;
    d.severity = MofDiagnostic::Severity::Error;
    d.file = loc.file < files_.size() ? files_[loc.file].name : std::string("<input>");
    d.line = static_cast<int>(loc.line);
    d.column = static_cast<int>(loc.column);
    d.message = std::move(message);
    result_.diagnostics.push_back(std::move(d));
}

void Compilation::warning(SourceLoc loc, std::string message) {
    MofDiagnostic d;
    d.severity = MofDiagnostic::Severity::Warning;
    d.file = loc.file < files_.size() ? files_[loc.file].name : std::string("<input>");
    d.line = static_cast<int>(loc.line);
    d.column = static_cast<int>(loc.column);
    d.message = std::move(message);
    result_.diagnostics.push_back(std::move(d));
}

std::uint32_t Compilation::namespaceIndex(std::string_view normalizedName) {
    if (auto it = namespaceIndex_.find(normalizedName); it != namespaceIndex_.end()) return it->second;
    const auto index = static_cast<std::uint32_t>(namespaces_.size());
    namespaces_.emplace_back(normalizedName);
    namespaceIndex_.emplace(std::string(normalizedName), index);
    flavorOverrides_.emplace_back();
    staging_.getOrCreate(normalizedName);
    return index;
}

std::string Compilation::classKey(std::uint32_t nameSpace, std::string_view className) const {
    std::string key = std::to_string(nameSpace);
    key += ':';
    key += className;
    return key;
}

const SourceLoc* Compilation::resolvedHere(std::uint32_t nameSpace, std::string_view className) const {
    const auto it = resolvedHere_.find(classKey(nameSpace, className));
    return it == resolvedHere_.end() ? nullptr : &it->second;
}

void Compilation::noteResolved(std::uint32_t nameSpace, std::string_view className, SourceLoc loc) {
    resolvedHere_[classKey(nameSpace, className)] = loc;
    wake(nameSpace, className);
}

void Compilation::waitFor(std::uint32_t nameSpace, std::string_view what, std::size_t pending) {
    blocked_[classKey(nameSpace, what)].push_back(pending);
}

void Compilation::wake(std::uint32_t nameSpace, std::string_view what) {
    const auto it = blocked_.find(classKey(nameSpace, what));
    if (it == blocked_.end()) return;
    woken_.insert(woken_.end(), it->second.begin(), it->second.end());
    blocked_.erase(it);
}

bool Compilation::pendingElsewhere(std::uint32_t nameSpace, std::string_view className, std::size_t self) const {
    const auto [first, last] = waiting_.equal_range(classKey(nameSpace, className));
    for (auto it = first; it != last; ++it) {
        const PendingClass& p = classes_[it->second];
        if (it->second != self && !p.resolved && !p.deleted) return true;
    }
    return false;
}

const FlavorOverrides& Compilation::flavorOverrides(std::uint32_t nameSpace) const {
    return flavorOverrides_[nameSpace];
}

std::optional<MofSource> Compilation::load(std::string_view name, std::string_view includingFile) {
    const auto started = Clock::now();
    std::optional<MofSource> source;
    if (options_.loader) {
        source = options_.loader(name, includingFile);
    } else {
        const std::filesystem::path wanted(std::string{name});
        std::vector<std::filesystem::path> candidates;
        if (includingFile.empty() || wanted.is_absolute()) {
            candidates.push_back(wanted);
        } else {
            candidates.push_back(std::filesystem::path(std::string{includingFile}).parent_path() / wanted);
        }
        if (!wanted.is_absolute()) {
            for (const auto& dir : options_.includePaths) candidates.push_back(dir / wanted);
        }
        for (const auto& candidate : candidates) {
            if (auto bytes = readFile(candidate)) {
                source = MofSource{candidate.lexically_normal().string(), std::move(*bytes)};
                break;
            }
        }
        // Windows MOF names its includes in any case ("MSFT_Qualifiers.mof" for
        // msft_qualifiers.mof); the exact name wins, then a unique case-insensitive match.
        for (std::size_t i = 0; !source && i < candidates.size(); ++i) {
            if (auto found = findIgnoringCase(candidates[i])) {
                if (auto bytes = readFile(*found))
                    source = MofSource{found->lexically_normal().string(), std::move(*bytes)};
            }
        }
    }
    readTime_ += Clock::now() - started;
    return source;
}

std::uint32_t Compilation::addFile(std::string name, std::string_view bytes) {
    result_.stats.bytes += bytes.size();
    files_.push_back(SourceFile{std::move(name), decodeMofSource(bytes)});
    fileWmi_.push_back(options_.dialect == MofDialect::Wmi ||
                       (options_.dialect == MofDialect::Auto && isUtf16Source(bytes)));
    return static_cast<std::uint32_t>(files_.size() - 1);
}

void Compilation::run(const std::vector<CompilationInput>& inputs) {
    const auto started = Clock::now();
    for (const CompilationInput& input : inputs) {
        FileState state;  // each top-level file starts in the default namespace
        state.nameSpace = namespaceIndex(normalizeNamespaceName(options_.defaultNamespace));
        if (input.text) {
            parseFile(addFile(input.name, *input.text), state, 0);
        } else if (auto source = load(input.name, {})) {
            parseFile(addFile(std::move(source->resolvedName), source->bytes), state, 0);
        } else {
            files_.push_back(SourceFile{input.name, {}});
            fileWmi_.push_back(false);
            error({static_cast<std::uint32_t>(files_.size() - 1), 1, 1}, "cannot read file '" + input.name + "'");
        }
    }
    const auto parsed = Clock::now();
    result_.stats.readTime = readTime_;
    result_.stats.parseTime = (parsed - started) - readTime_;

    if (errorCount_ == 0 || wantsMore()) {
        resolveClasses(*this);
        resolveInstances(*this);
    }
    result_.stats.files = files_.size();
    result_.stats.resolveTime = Clock::now() - parsed;
    if (errorCount_ == 0) target_ = std::move(staging_);
}

// Auto: system classes and provider-backed classes are WMI's.
void Compilation::noteWmiDeclaration(const AstDeclaration& declaration, std::uint32_t fileIndex) {
    if (options_.dialect != MofDialect::Auto || fileWmi_[fileIndex]) return;
    if (const auto* cls = std::get_if<AstClass>(&declaration)) {
        bool wmi = isSystemName(cls->name) || isSystemName(cls->superClass);
        for (const AstQualifier& q : cls->qualifiers)
            wmi = wmi || iequals(q.name, "Dynamic") || iequals(q.name, "Provider");
        if (wmi) markWmi(fileIndex);
    } else if (const auto* inst = std::get_if<AstInstance>(&declaration)) {
        if (isSystemName(inst->className)) markWmi(fileIndex);
    }
}

// A WMI pragma marks the file as WMI (Auto) or is refused (Dmtf). False when refused.
bool Compilation::wmiOnly(const AstPragma& pragma, std::uint32_t fileIndex) {
    if (options_.dialect == MofDialect::Dmtf) {
        error(pragma.loc, "#pragma " + std::string(pragma.name) + " is allowed in the WMI dialect, not in DSP0004 MOF");
        return false;
    }
    markWmi(fileIndex);
    return true;
}

void Compilation::parseFile(std::uint32_t fileIndex, FileState& state, int depth) {
    includeStack_.push_back(files_[fileIndex].name);
    std::vector<std::size_t> thisFile;  // the classes this file declares
    Parser parser(files_[fileIndex].text, fileIndex, *this, &names_);
    while (auto decl = parser.next()) {
        noteWmiDeclaration(*decl, fileIndex);
        if (auto* pragma = std::get_if<AstPragma>(&*decl)) {
            handlePragma(*pragma, fileIndex, state, depth);
        } else if (auto* qualifier = std::get_if<AstQualifierDecl>(&*decl)) {
            handleQualifierDecl(*qualifier, state);
        } else if (auto* cls = std::get_if<AstClass>(&*decl)) {
            waiting_.emplace(classKey(state.nameSpace, cls->name), classes_.size());
            thisFile.push_back(classes_.size());
            classes_.push_back(PendingClass{std::move(*cls), state.nameSpace, state.classFlags, false, false});
        } else if (auto* inst = std::get_if<AstInstance>(&*decl)) {
            instances_.push_back(PendingInstance{std::move(*inst), state.nameSpace, state.instanceUpdate});
        }
    }
    includeStack_.pop_back();
    std::string().swap(files_[fileIndex].text);  // the declarations no longer need it
    // The file's dialect is final now (a sign of WMI may come late in a file): build what
    // can be built (see resolveReadyClasses), and what waited for something just declared.
    thisFile.insert(thisFile.end(), woken_.begin(), woken_.end());
    woken_.clear();
    while (!thisFile.empty() && (errorCount_ == 0 || wantsMore())) {
        resolveReadyClasses(*this, thisFile);
        thisFile.swap(woken_);  // the classes that waited for one just built
        woken_.clear();
    }
}

std::string Compilation::resolveNamespacePragma(std::string_view current, std::string_view argument) const {
    std::string arg(argument);
    for (char& c : arg) {
        if (c == '\\') c = '/';
    }
    const bool absolute = arg.starts_with("/") ||
                          (iequals(std::string_view(arg).substr(0, 4), "root") && (arg.size() == 4 || arg[4] == '/'));
    if (absolute) return normalizeNamespaceName(arg);
    return normalizeNamespaceName(std::string(current) + "/" + arg);
}

void Compilation::handlePragma(const AstPragma& pragma, std::uint32_t fileIndex, FileState& state, int depth) {
    const std::string_view name = pragma.name;
    auto requireArgument = [&](std::string_view what) {
        if (pragma.arguments.empty() || pragma.arguments.front().empty()) {
            error(pragma.loc, "#pragma " + std::string(name) + " expects " + std::string(what));
            return false;
        }
        return true;
    };
    if (iequals(name, "include")) {
        if (!requireArgument("a file name")) return;
        const std::string& file = pragma.arguments.front();
        if (depth + 1 >= kMaxIncludeDepth) {
            error(pragma.loc, "#pragma include nested too deeply (more than " + std::to_string(kMaxIncludeDepth) +
                                  " levels) including '" + file + "'");
            return;
        }
        if (pragma.backslashPath) {
            warning(pragma.loc, "#pragma include(\"" + file +
                                    "\"): backslashes read as path separators (write '/' for portable MOF)");
        }
        auto source = load(file, files_[fileIndex].name);
        if (!source) {
            error(pragma.loc, "cannot find included file '" + file + "'");
            return;
        }
        for (const auto& open : includeStack_) {
            if (open == source->resolvedName) {
                error(pragma.loc, "#pragma include of '" + file + "' is recursive");
                return;
            }
        }
        const std::uint32_t included = addFile(std::move(source->resolvedName), source->bytes);
        if (fileWmi_[fileIndex]) markWmi(included);  // a WMI file includes WMI MOF
        FileState inner = state;
        parseFile(included, inner, depth + 1);
        // The namespace and flags persist past the include, as with mofcomp.
        state = inner;
        return;
    }
    if (iequals(name, "locale") || iequals(name, "source") || iequals(name, "nonlocal") ||
        iequals(name, "nonlocaltype")) {
        return;  // accepted; they do not change the compiled schema
    }
    if (iequals(name, "namespace")) {
        if (!requireArgument("a namespace")) return;
        // DSP0004 has the pragma too; the Windows form (\\.\root\cimv2) is WMI's.
        if (options_.dialect == MofDialect::Auto && pragma.arguments.front().find('\\') != std::string::npos) {
            markWmi(fileIndex);
        }
        const std::string resolved = resolveNamespacePragma(namespaceName(state.nameSpace), pragma.arguments.front());
        if (resolved.empty()) {
            error(pragma.loc, "#pragma namespace(\"" + pragma.arguments.front() + "\") names no namespace");
            return;
        }
        state.nameSpace = namespaceIndex(resolved);
        return;
    }
    if (isWmiPragma(name)) {
        if (!wmiOnly(pragma, fileIndex)) return;
        if (iequals(name, "autorecover")) return;  // nothing to recover: the repository is in memory
        if (iequals(name, "deleteclass")) {
            deleteClass(pragma, state);
            return;
        }
        if (iequals(name, "deleteinstance")) {
            if (!requireArgument("an instance path")) return;
            std::string why;
            std::string path = pragma.arguments.front();
            if (!ObjectPath::tryParse(path, &why)) {
                const auto expanded = expandSingleKeyPath(path, staging_.find(namespaceName(state.nameSpace)));
                if (!expanded || !ObjectPath::tryParse(*expanded)) {
                    error(pragma.loc, "#pragma deleteinstance: " + why);
                    return;
                }
                path = *expanded;
            }
            result_.deletedInstances.emplace_back(namespaceName(state.nameSpace), std::move(path));
            return;
        }
        handleFlagsPragma(pragma, state);
        return;
    }
    warning(pragma.loc, "unknown pragma '" + std::string(name) + "' ignored");
}

// #pragma classflags / instanceflags: createonly, updateonly (or their numbers), and for
// classes safeupdate / forceupdate, which say what may happen to existing subclasses.
void Compilation::handleFlagsPragma(const AstPragma& pragma, FileState& state) {
    const std::string_view name = pragma.name;
    const bool forClasses = iequals(name, "classflags");
    ClassFlags flags;
    for (const std::string& argument : pragma.arguments) {
        std::string_view rest = argument;
        while (!rest.empty()) {  // "forceupdate" or "forceupdate, updateonly" or numbers
            const auto comma = rest.find(',');
            std::string_view word = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
            while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
            if (word.empty() || iequals(word, "0")) continue;
            if (iequals(word, "createonly") || word == "2") {
                flags.createOnly = true;
            } else if (iequals(word, "updateonly") || word == "1") {
                flags.updateOnly = true;
            } else if (forClasses && (iequals(word, "safeupdate") || word == "32")) {
                flags.safeUpdate = true;
            } else if (forClasses && (iequals(word, "forceupdate") || word == "64")) {
                flags.forceUpdate = true;
            } else {
                error(pragma.loc, "unknown " + std::string(forClasses ? "class" : "instance") + " flag '" +
                                      std::string(word) + "' in #pragma " + std::string(name));
            }
        }
    }
    if (flags.createOnly && flags.updateOnly) {
        error(pragma.loc, "#pragma " + std::string(name) + ": createonly and updateonly exclude each other");
        return;
    }
    if (forClasses) {
        state.classFlags = flags;
    } else {
        state.instanceUpdate = flags.createOnly   ? InstanceUpdate::CreateOnly
                               : flags.updateOnly ? InstanceUpdate::UpdateOnly
                                                  : InstanceUpdate::CreateOrUpdate;
    }
}

void Compilation::deleteClass(const AstPragma& pragma, const FileState& state) {
    if (pragma.arguments.empty() || pragma.arguments.front().empty()) {
        error(pragma.loc, "#pragma deleteclass expects a class name");
        return;
    }
    const std::string& className = pragma.arguments.front();
    bool mustExist = true;
    if (pragma.arguments.size() > 1) {
        if (iequals(pragma.arguments[1], "NOFAIL")) {
            mustExist = false;
        } else if (!iequals(pragma.arguments[1], "FAIL")) {
            error(pragma.loc, "#pragma deleteclass expects FAIL or NOFAIL, found '" + pragma.arguments[1] + "'");
            return;
        }
    }
    bool found = false;
    for (PendingClass& pending : classes_) {
        if (!pending.deleted && pending.nameSpace == state.nameSpace && iequals(pending.ast.name, className)) {
            pending.deleted = true;
            found = true;
        }
    }
    const std::string& nsName = namespaceName(state.nameSpace);
    SchemaNamespace& ns = staging_.getOrCreate(nsName);
    if (ns.findClass(className)) {
        found = true;
        for (const std::string& sub : ns.subclassNames(className, true)) {
            ns.removeClass(sub);
            resolvedHere_.erase(classKey(state.nameSpace, sub));
            result_.deletedClasses.emplace_back(nsName, sub);
        }
        ns.removeClass(className);
        resolvedHere_.erase(classKey(state.nameSpace, className));
    }
    if (found) {
        result_.deletedClasses.emplace_back(nsName, className);
    } else if (mustExist) {
        error(pragma.loc, "#pragma deleteclass: class '" + className + "' does not exist in namespace " + nsName);
    }
}

void Compilation::handleQualifierDecl(const AstQualifierDecl& ast, const FileState& state) {
    SchemaNamespace& ns = staging_.getOrCreate(namespaceName(state.nameSpace));
    if (ast.flavorOnly) {
        if (const QualifierDecl* existing = ns.findQualifier(ast.name)) {
            QualifierDecl updated = *existing;
            updated.flavor = ast.flavors.applyTo(updated.flavor);
            ns.putQualifier(std::move(updated));
        } else {
            flavorOverrides_[state.nameSpace][std::string(ast.name)] = ast.flavors;
        }
        ++result_.stats.qualifierDecls;
        return;
    }
    QualifierDecl decl;
    decl.name = std::string(ast.name);
    decl.type = ast.type.type;
    decl.isArray = ast.type.isArray;
    decl.arraySize = ast.type.arraySize;
    decl.scope = ast.scope;
    decl.flavor = ast.flavors.applyTo(Flavor{});
    if (ast.defaultValue) {
        std::string why;
        auto value = convertLiteral(*ast.defaultValue, {decl.type, decl.isArray, false}, why);
        if (!value) {
            error(ast.defaultValue->loc, "default value of qualifier '" + decl.name + "' does not match its type " +
                                             describeType(decl.type, decl.isArray) + ": " + why);
            return;
        }
        decl.defaultValue = std::move(*value);
    } else {
        decl.defaultValue = Value::null(decl.type, decl.isArray);
    }
    const std::string key = namespaceName(state.nameSpace) + ":" + decl.name;
    if (auto it = qualifiersDeclaredHere_.find(key); it != qualifiersDeclaredHere_.end()) {
        const QualifierDecl* previous = ns.findQualifier(decl.name);
        if (previous && sameDecl(*previous, decl)) return;  // an identical redeclaration is harmless
        error(ast.loc, "qualifier '" + decl.name + "' is already declared at " + locationText(it->second));
        return;
    }
    qualifiersDeclaredHere_.emplace(key, ast.loc);
    ++result_.stats.qualifierDecls;
    wake(state.nameSpace, "qualifier " + decl.name);
    ns.putQualifier(std::move(decl));
}

}  // namespace wmimock::mof::detail
