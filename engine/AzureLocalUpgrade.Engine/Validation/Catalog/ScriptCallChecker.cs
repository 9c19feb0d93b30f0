using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Checks every call in one parsed script against the catalog: the command exists (ALU2401), then its binding, its
/// parameter sets, values, availability, release-specific parameters, second hops and the properties read from its
/// output. Every rule works from the catalog's data, so it holds for any command the catalog describes.
/// </summary>
public static class ScriptCallChecker
{
    /// <param name="preamble">The step's skipIf guard when <paramref name="script"/> is the work it guards (its tests count).</param>
    public static void Check(EmbeddedText script, ScriptBlockAst ast, ScriptContext context, CmdletCatalog catalog, DiagnosticBag bag, ScriptBlockAst? preamble = null)
    {
        var facts = new ScriptFacts(ast, preamble);
        var bindings = new Dictionary<CommandAst, CallBinding>();
        foreach (var call in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
        {
            if (call.GetCommandName() is not { Length: > 0 } name || facts.DefinesFunction(name))
            {
                continue;
            }

            if (Lookup(catalog, name) is not { } command)
            {
                bag.Add(DiagnosticCatalog.UnknownCommand(CallBinder.At(script, call.CommandElements[0]), name, Suggestions.Closest(name, catalog.CommandNames)));
                continue;
            }

            CallChecks.CheckAvailability(call, command, facts, script, bag);
            if (command.Kind == CatalogCommandKind.Application)
            {
                continue;
            }

            var binding = CallBinder.Bind(call, command, script, bag);
            bindings[call] = binding;
            // Without a set that takes the call, the named arguments are still worth checking on their own.
            IReadOnlyList<ParameterSetChecker.BoundValue> bound = binding.Complete ? ParameterSetChecker.Check(binding, script, bag) : [];
            if (bound.Count == 0)
            {
                bound = [.. binding.Named.Select(n => new ParameterSetChecker.BoundValue(n.Parameter, n.Value))];
            }

            CallChecks.CheckValues(command, bound, script, bag);
            CallChecks.CheckDocsets(binding, context, facts, script, bag);
            CallChecks.CheckSecondHop(command, bound, context, script, bag);
        }

        new OutputPropertyChecker(catalog, bindings, script, bag).Check(ast);
    }

    /// <summary>
    /// The catalog entry for a written name: an alias of a core cmdlet, a module-qualified name (Module\Cmd) or a path
    /// to a native program (.\setup.exe) are looked up by the command they name.
    /// </summary>
    public static CatalogCommand? Lookup(CmdletCatalog catalog, string written)
    {
        var name = BuiltInAliases.Resolve(written);
        if (catalog.Command(name) is { } command)
        {
            return command;
        }

        var leaf = name[(name.LastIndexOfAny(['\\', '/']) + 1)..];
        return leaf.Length == 0 ? null : catalog.Command(leaf) ?? catalog.Command(Path.GetFileNameWithoutExtension(leaf));
    }
}
