using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// The checks of one call that need its bound arguments: accepted values (ALU2407), a command that may be absent
/// (ALU2409), a parameter only some releases have (ALU2410) and a second hop from a node session (ALU2411).
/// </summary>
public static class CallChecks
{
    // Parameters that make a cmdlet connect to another machine (the cluster name resolves to whichever node owns it).
    private static readonly string[] RemoteParameters = ["ComputerName", "Cluster", "CimSession"];

    public static void CheckValues(CatalogCommand command, IEnumerable<ParameterSetChecker.BoundValue> bound, EmbeddedText script, DiagnosticBag bag)
    {
        foreach (var (parameter, value) in bound)
        {
            if (parameter.AcceptedValues is not { Count: > 0 } accepted || parameter.Switch || value is null)
            {
                continue;
            }

            foreach (var constant in Literals(value))
            {
                foreach (var part in constant.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!accepted.Contains(part, StringComparer.OrdinalIgnoreCase))
                    {
                        bag.Add(DiagnosticCatalog.ValueNotAccepted(CallBinder.At(script, constant), command.Name, parameter.Name, part,
                            Suggestions.Closest(part, accepted), accepted));
                    }
                }
            }
        }
    }

    public static void CheckAvailability(CommandAst call, CatalogCommand command, ScriptFacts facts, EmbeddedText script, DiagnosticBag bag)
    {
        // A module requirement is also met by testing for the module itself (Get-InstalledModule -Name AksHci).
        var offset = call.Extent.StartOffset;
        if (command.Requires is { Length: > 0 } requires && !facts.IsCommandGuarded(command.Name, offset)
            && !(requires.StartsWith("module:", StringComparison.Ordinal) && facts.IsModuleGuarded(requires["module:".Length..], offset)))
        {
            bag.Add(DiagnosticCatalog.UnguardedCommand(CallBinder.At(script, call.CommandElements[0]), command.Name, requires));
        }
    }

    public static void CheckDocsets(CallBinding call, ScriptContext context, ScriptFacts facts, EmbeddedText script, DiagnosticBag bag)
    {
        foreach (var named in call.Named)
        {
            if (named.Parameter.Docsets is not { } documented)
            {
                continue;
            }

            // Only the command's own docsets matter: a PowerShell 7.6-only parameter of a core cmdlet is missing on
            // 5.1 nodes, and Windows Server releases do not change it.
            var missing = context.RunsOn
                .Where(d => call.Command.Docsets.Contains(d, StringComparer.OrdinalIgnoreCase) && !documented.Contains(d, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (missing.Count > 0 && !facts.IsParameterGuarded(named.Parameter.Name, named.Written.Extent.StartOffset))
            {
                bag.Add(DiagnosticCatalog.DocsetOnlyParameter(CallBinder.At(script, named.Written), call.Command.Name, named.Parameter.Name, documented, missing));
            }
        }
    }

    public static void CheckSecondHop(CatalogCommand command, IEnumerable<ParameterSetChecker.BoundValue> bound, ScriptContext context, EmbeddedText script, DiagnosticBag bag)
    {
        if (context.On != TargetKind.Node)
        {
            return;
        }

        foreach (var (parameter, value) in bound)
        {
            if (value is not null && RemoteParameters.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase) && !NamesThisNode(value))
            {
                bag.Add(DiagnosticCatalog.SecondHop(CallBinder.At(script, value), command.Name, parameter.Name, value.Extent.Text));
            }
        }
    }

    // $Node (the session's own node), $env:COMPUTERNAME, localhost and '.' stay on the machine the session is on.
    private static bool NamesThisNode(Ast value) => value switch
    {
        VariableExpressionAst variable => variable.VariablePath.UserPath.ToUpperInvariant() is "NODE" or "ENV:COMPUTERNAME",
        StringConstantExpressionAst text => text.Value.ToUpperInvariant() is "LOCALHOST" or "." or "127.0.0.1",
        _ => false,
    };

    // Only values written as constants can be judged: a bare word or quoted string, or a list of them.
    private static IEnumerable<StringConstantExpressionAst> Literals(Ast value) => value switch
    {
        StringConstantExpressionAst text => [text],
        ArrayLiteralAst array => array.Elements.OfType<StringConstantExpressionAst>(),
        CommandParameterAst { Argument: { } argument } => Literals(argument),
        _ => [],
    };
}
