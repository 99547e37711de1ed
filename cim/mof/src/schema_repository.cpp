#include "wmimock/mof/schema_repository.hpp"

#include <algorithm>
#include <deque>

#include "compilation.hpp"
#include "system_classes.hpp"

namespace wmimock {

SchemaNamespace::SchemaNamespace(std::string name) : name_(std::move(name)) {}

const QualifierDecl* SchemaNamespace::findQualifier(std::string_view name) const noexcept {
    const auto it = qualifiers_.find(name);
    return it == qualifiers_.end() ? nullptr : &it->second;
}

void SchemaNamespace::putQualifier(QualifierDecl decl) {
    const auto it = qualifiers_.find(decl.name);
    if (it != qualifiers_.end()) {
        it->second = std::move(decl);
    } else {
        std::string key = decl.name;
        qualifiers_.emplace(std::move(key), std::move(decl));
    }
}

std::vector<const QualifierDecl*> SchemaNamespace::qualifiers() const {
    std::vector<const QualifierDecl*> out;
    out.reserve(qualifiers_.size());
    for (const auto& [name, decl] : qualifiers_) out.push_back(&decl);
    std::sort(out.begin(), out.end(),
              [](const QualifierDecl* a, const QualifierDecl* b) { return icompare(a->name, b->name) < 0; });
    return out;
}

ClassPtr SchemaNamespace::findClass(std::string_view name) const noexcept {
    const auto it = classes_.find(name);
    return it == classes_.end() ? nullptr : it->second;
}

namespace {
void eraseName(std::vector<std::string>& names, std::string_view name) {
    const auto it = std::find_if(names.begin(), names.end(), [&](const std::string& n) { return iequals(n, name); });
    if (it != names.end()) names.erase(it);
}
}  // namespace

void SchemaNamespace::putClass(ClassPtr resolved) {
    if (!resolved) return;
    const auto it = classes_.find(resolved->name);
    if (it != classes_.end()) {
        if (!iequals(it->second->superClass, resolved->superClass)) {
            eraseName(children_[it->second->superClass], it->second->name);
            children_[resolved->superClass].push_back(resolved->name);
        }
        it->second = std::move(resolved);
        return;
    }
    children_[resolved->superClass].push_back(resolved->name);
    order_.push_back(resolved->name);
    std::string key = resolved->name;
    classes_.emplace(std::move(key), std::move(resolved));
}

bool SchemaNamespace::removeQualifier(std::string_view name) {
    const auto it = qualifiers_.find(name);
    if (it == qualifiers_.end()) return false;
    qualifiers_.erase(it);
    return true;
}

bool SchemaNamespace::removeClass(std::string_view name) {
    const auto it = classes_.find(name);
    if (it == classes_.end()) return false;
    eraseName(children_[it->second->superClass], it->second->name);
    eraseName(order_, it->second->name);
    classes_.erase(it);
    return true;
}

std::vector<ClassPtr> SchemaNamespace::classes() const {
    std::vector<ClassPtr> out;
    out.reserve(order_.size());
    for (const std::string& name : order_) {
        if (auto cls = findClass(name)) out.push_back(std::move(cls));
    }
    return out;
}

std::vector<std::string> SchemaNamespace::subclassNames(std::string_view className, bool deep) const {
    std::vector<std::string> out;
    std::deque<std::string> queue{std::string(className)};
    while (!queue.empty()) {
        const auto it = children_.find(queue.front());
        queue.pop_front();
        if (it == children_.end()) continue;
        for (const std::string& child : it->second) {
            if (!classes_.contains(child)) continue;
            out.push_back(child);
            if (deep) queue.push_back(child);
        }
    }
    return out;
}

bool SchemaNamespace::isA(std::string_view className, std::string_view ancestor) const {
    const ClassPtr cls = findClass(className);
    return cls && cls->isA(ancestor);
}

SchemaRepository SchemaRepository::withoutSystemClasses() {
    SchemaRepository repository;
    repository.seedSystemClasses_ = false;
    return repository;
}

const SchemaNamespace* SchemaRepository::find(std::string_view nameSpace) const noexcept {
    const auto it = namespaces_.find(mof::detail::normalizeNamespaceName(nameSpace));
    return it == namespaces_.end() ? nullptr : &it->second;
}

SchemaNamespace* SchemaRepository::find(std::string_view nameSpace) noexcept {
    const auto it = namespaces_.find(mof::detail::normalizeNamespaceName(nameSpace));
    return it == namespaces_.end() ? nullptr : &it->second;
}

SchemaNamespace& SchemaRepository::getOrCreate(std::string_view nameSpace) {
    std::string name = mof::detail::normalizeNamespaceName(nameSpace);
    if (auto it = namespaces_.find(name); it != namespaces_.end()) return it->second;
    SchemaNamespace ns(name);
    if (seedSystemClasses_) {
        for (const ClassPtr& cls : mof::detail::systemClasses()) ns.putClass(cls);
    }
    return namespaces_.emplace(std::move(name), std::move(ns)).first->second;
}

std::vector<std::string> SchemaRepository::namespaces() const {
    std::vector<std::string> out;
    out.reserve(namespaces_.size());
    for (const auto& [name, ns] : namespaces_) out.push_back(name);
    return out;
}

}  // namespace wmimock
