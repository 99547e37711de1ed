// A subcommand that prints a catalog as text or, with `--format json`, as a JSON array
// (`wmimock rules`, `wmimock targets`): the option and help layout they share.
#pragma once

#include <string>
#include <string_view>

#include "subcommand.hpp"

namespace wmimock::cli {

class ListingCommand : public Subcommand {
protected:
    /// Registers `name` with --format text|json; `examples` opens the help footer.
    ListingCommand(CLI::App& parent, const std::string& name, const std::string& description,
                   std::string_view examples);

    bool json() const;

private:
    std::string format_ = "text";
};

}  // namespace wmimock::cli
