#include "mof_command.hpp"

#include <iostream>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "option_kinds.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cimom/fixtures.hpp"
#include "wmimock/mof/compiler.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::cli {

namespace {

constexpr const char* kDefaultNamespace = "root/cimv2";

MofCompileOptions compileOptions(const std::string& nameSpace, const std::vector<std::string>& includeDirs,
                                 MofDialect dialect) {
    MofCompileOptions options;
    if (!nameSpace.empty()) options.defaultNamespace = nameSpace;
    options.includePaths.assign(includeDirs.begin(), includeDirs.end());
    options.dialect = dialect;
    return options;
}

// Compiles the files, in order, as one compilation into `repository`, printing every
// diagnostic to stderr. Returns the number of errors and the statistics in `stats`.
std::size_t compileAll(const std::vector<std::string>& files, const MofCompileOptions& options,
                       SchemaRepository& repository, MofCompileStats& stats) {
    const MofCompileResult result = MofCompiler(options).compileFiles({files.begin(), files.end()}, repository);
    for (const MofDiagnostic& diagnostic : result.diagnostics) std::cerr << diagnostic.toString() << '\n';
    stats = result.stats;
    return result.errorCount();
}

// The --baseline classes, compiled first (they are the project's own and known good).
void addBaselines(const std::vector<std::string>& names, SchemaRepository& repository) {
    for (const std::string& name : names) {
        const MofCompileResult result = compileBaseline(name, repository);
        if (!result.ok()) {
            throw CimError(CimStatus::Failed,
                           "baseline '" + name + "' does not compile: " + result.diagnostics.front().toString());
        }
    }
}

std::string plural(std::size_t n, std::string_view singular, std::string_view pluralForm) {
    return fmt::format("{} {}", n, n == 1 ? singular : pluralForm);
}

}  // namespace

MofCommand::MofCommand(CLI::App& parent)
    : Subcommand(parent.add_subcommand("mof", "Compile MOF and look at classes")),
      check_(app_->add_subcommand("check", "Compile MOF files and report errors as file:line:col: message")),
      show_(app_->add_subcommand("show", "Print a class as MOF, inherited elements marked")) {
    app_->require_subcommand(1);
    app_->footer(std::string("Examples:\n  wmimock mof check -I schema/ my_provider.mof\n"
                             "  wmimock mof show WMIMock_Service\n\n") +
                 exit_code::kHelpText);

    check_->add_option("files", files_, "MOF files, compiled in order as one compilation")
        ->required()
        ->check(CLI::ExistingFile);
    addRepeatable(*check_, "-I,--include", includeDirs_, "directory searched by #pragma include (repeatable)");
    check_->add_option("-n,--namespace", nameSpace_, "namespace before any #pragma namespace (default root/cimv2)");
    addMofDialect(*check_, dialect_);
    addBaseline(*check_, baselines_);
    check_->add_flag("--with-core", withCore_,
                     "compile the CIM core a plugin target gets (qualifiers, CIM_ManagedElement .. CIM_Service, "
                     "CIM_ConcreteJob) into --namespace first, so a plugin's own MOF can be checked alone");
    check_->footer(
        std::string("Examples:\n  wmimock mof check fixtures/mof/reference.mof -I fixtures/mof\n"
                    "  wmimock mof check -I schema/ --namespace root/test a.mof b.mof\n"
                    "  wmimock mof check --dialect wmi my_provider.mof\n"
                    "  wmimock mof check --baseline windows my_wmi_provider.mof\n"
                    "  wmimock mof check --with-core my_plugin.mof\n"
                    "Prints one line per error or warning and, on success, a one-line count summary.\n"
                    "Exit code 0 when every file compiles, 2 on any error.\n"));

    show_->add_option("class", className_, "class name")->required();
    addRepeatable(*show_, "--mof", mofFiles_,
                  "MOF to load instead of the built-in fixtures (repeatable; compiled in order)");
    addRepeatable(*show_, "-I,--include", includeDirs_, "directory searched by #pragma include (repeatable)");
    show_->add_option("-n,--namespace", nameSpace_, "namespace of the class (default: root/cimv2, then any)");
    addMofDialect(*show_, dialect_);
    addBaseline(*show_, baselines_);
    show_->footer(
        std::string("Examples:\n  wmimock mof show CIM_Service\n"
                    "  wmimock mof show MyVendor_Service --mof my.mof -I schema/\n"
                    "Without --mof the built-in reference fixtures are loaded.\n"));
}

int MofCommand::run() const {
    return check_->parsed() ? check() : show();
}

int MofCommand::check() const {
    SchemaRepository repository;
    addBaselines(baselines_, repository);
    if (withCore_) {
        const MofCompileResult core =
            compileCoreSchema(repository, nameSpace_.empty() ? std::string(kDefaultNamespace) : nameSpace_);
        if (!core.ok()) {
            throw CimError(CimStatus::Failed,
                           "the embedded CIM core does not compile: " + core.diagnostics.front().toString());
        }
    }
    MofCompileStats total;
    const std::size_t errors =
        compileAll(files_, compileOptions(nameSpace_, includeDirs_, dialect_), repository, total);
    if (errors > 0) {
        std::cerr << plural(errors, "error", "errors") << '\n';
        return exit_code::kBadInput;
    }
    std::cout << fmt::format("ok: {}, {} ({} associations, {} indications), {}, {}\n",
                             plural(total.files, "file", "files"), plural(total.classes, "class", "classes"),
                             total.associations, total.indications,
                             plural(total.qualifierDecls, "qualifier declaration", "qualifier declarations"),
                             plural(total.instances, "instance", "instances"));
    return exit_code::kSuccess;
}

int MofCommand::show() const {
    ClassPtr found;
    if (!mofFiles_.empty() || !baselines_.empty()) {
        SchemaRepository repository;
        addBaselines(baselines_, repository);
        MofCompileStats total;
        if (compileAll(mofFiles_, compileOptions(nameSpace_, includeDirs_, dialect_), repository, total) > 0) {
            return exit_code::kBadInput;
        }
        const std::string wanted = nameSpace_.empty() ? kDefaultNamespace : nameSpace_;
        if (const SchemaNamespace* ns = repository.find(wanted)) found = ns->findClass(className_);
        for (const std::string& name : repository.namespaces()) {
            if (found || !nameSpace_.empty()) break;
            found = repository.find(name)->findClass(className_);
        }
    } else {
        const services::BuiltinEnvironment builtin = services::makeBuiltin("reference");
        const std::string wanted = nameSpace_.empty() ? kDefaultNamespace : nameSpace_;
        if (builtin.cimom->hasNamespace(wanted)) found = builtin.cimom->findClass(wanted, className_);
        for (const std::string& name : builtin.cimom->namespaces()) {
            if (found || !nameSpace_.empty()) break;
            found = builtin.cimom->findClass(name, className_);
        }
    }
    if (!found) {
        throw CimError(CimStatus::NotFound,
                       "class '" + className_ + "' not found" +
                           (nameSpace_.empty() ? std::string(" in any namespace") : " in " + nameSpace_));
    }
    std::cout << formatClassMof(*found, true);
    return exit_code::kSuccess;
}

}  // namespace wmimock::cli
