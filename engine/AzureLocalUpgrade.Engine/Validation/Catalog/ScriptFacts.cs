using System.Management.Automation.Language;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// What one script establishes for the checks of its calls: the functions it defines, the commands it tests for with
/// <c>Get-Command</c> or the modules it tests for with <c>Get-Module</c>/<c>Get-InstalledModule</c> (and where), and the
/// parameter names it tests for through <c>.Parameters</c>.
/// </summary>
public sealed class ScriptFacts
{
    private readonly HashSet<string> _functions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _commandGuards = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _parameterGuards = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _moduleGuards = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="script">The script whose calls are checked.</param>
    /// <param name="preamble">
    /// The step's skipIf guard, which runs first on the same target: a command or module it tests for counts as tested
    /// before every line of the script (<c>skipIf: -not (Get-InstalledModule -Name AksHci)</c> guards Uninstall-AksHci).
    /// </param>
    public ScriptFacts(ScriptBlockAst script, ScriptBlockAst? preamble = null)
    {
        if (preamble is not null)
        {
            CollectGuards(preamble, before: -1);
        }

        CollectGuards(script, before: null);
        foreach (var function in script.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>())
        {
            _functions.Add(function.Name);
        }

    }

    // Guards of a preamble are recorded at offset -1: before anything in the script.
    private void CollectGuards(ScriptBlockAst script, int? before)
    {
        foreach (var call in script.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
        {
            var guards = call.GetCommandName() is not { } name ? null : BuiltInAliases.Resolve(name).ToUpperInvariant() switch
            {
                "GET-COMMAND" => _commandGuards,
                "GET-MODULE" or "GET-INSTALLEDMODULE" => _moduleGuards,
                _ => null,
            };
            foreach (var tested in guards is null ? [] : NamesTestedBy(call))
            {
                Remember(guards!, tested, before ?? call.Extent.StartOffset);
            }
        }

        foreach (var text in script.FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>())
        {
            if (TestsParameters(text))
            {
                Remember(_parameterGuards, text.Value, before ?? text.Extent.StartOffset);
            }
        }
    }

    /// <summary>True when a <c>Get-Module</c>/<c>Get-InstalledModule MODULE</c> test comes before <paramref name="offset"/>.</summary>
    public bool IsModuleGuarded(string module, int offset) => _moduleGuards.TryGetValue(module, out var at) && at < offset;

    public bool DefinesFunction(string name) => _functions.Contains(name);

    /// <summary>True when a <c>Get-Command NAME</c> comes before <paramref name="offset"/>.</summary>
    public bool IsCommandGuarded(string command, int offset) => _commandGuards.TryGetValue(command, out var at) && at < offset;

    /// <summary>True when the script tests for the parameter (e.g. <c>.Parameters.ContainsKey('X')</c>) before <paramref name="offset"/>.</summary>
    public bool IsParameterGuarded(string parameter, int offset) => _parameterGuards.TryGetValue(parameter, out var at) && at < offset;

    // Get-Command A, Get-Command -Name A, Get-Command 'A','B': the names are the first positional or -Name argument.
    private static IEnumerable<string> NamesTestedBy(CommandAst call)
    {
        var elements = call.CommandElements;
        for (var i = 1; i < elements.Count; i++)
        {
            switch (elements[i])
            {
                case CommandParameterAst parameter when "Name".StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase) && parameter.ParameterName.Length > 0:
                    var value = parameter.Argument ?? (i + 1 < elements.Count ? elements[i + 1] : null);
                    return value is null ? [] : Constants(value);
                case CommandParameterAst parameter:
                    i += parameter.Argument is null && i + 1 < elements.Count && elements[i + 1] is not CommandParameterAst && !IsSwitch(parameter) ? 1 : 0;
                    break;
                case var positional:
                    return Constants(positional);
            }
        }

        return [];
    }

    // Get-Command's own switches (-ListImported, -All, -ShowCommandInfo, -UseAbbreviationExpansion, -UseFuzzyMatching, -Syntax).
    private static bool IsSwitch(CommandParameterAst parameter) =>
        parameter.ParameterName.ToUpperInvariant() is "ALL" or "LISTIMPORTED" or "SYNTAX" or "SHOWCOMMANDINFO" or "USEABBREVIATIONEXPANSION" or "USEFUZZYMATCHING";

    internal static IEnumerable<string> Constants(Ast value) => value switch
    {
        StringConstantExpressionAst text => [text.Value],
        ArrayLiteralAst array => array.Elements.OfType<StringConstantExpressionAst>().Select(e => e.Value),
        _ => [],
    };

    // A string inside an expression that reads some '.Parameters' (a CommandInfo's parameter dictionary).
    private static bool TestsParameters(StringConstantExpressionAst text)
    {
        Ast? current = text.Parent;
        for (var depth = 0; current is not null && depth < 4; depth++, current = current.Parent)
        {
            if (current.Extent.Text.Contains(".Parameters", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Remember(Dictionary<string, int> guards, string name, int offset)
    {
        if (!guards.TryGetValue(name, out var existing) || offset < existing)
        {
            guards[name] = offset;
        }
    }
}
