using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Lines a call's arguments up with the command's parameters (names, aliases, prefixes, values) and reports the
/// names PowerShell would refuse: unknown (ALU2402), ambiguous (ALU2403) and a value that is missing (ALU2412).
/// </summary>
public static class CallBinder
{
    public static CallBinding Bind(CommandAst call, CatalogCommand command, EmbeddedText script, DiagnosticBag bag)
    {
        var named = new List<NamedArgument>();
        var positional = new List<CommandElementAst>();
        var complete = true;
        var elements = call.CommandElements;
        for (var i = 1; i < elements.Count; i++)
        {
            var element = elements[i];
            if (element is VariableExpressionAst { Splatted: true })
            {
                complete = false;
                continue;
            }

            if (element is not CommandParameterAst written)
            {
                positional.Add(element);
                continue;
            }

            var resolution = ParameterResolver.Resolve(command, written.ParameterName);
            if (resolution.Parameter is not { } parameter)
            {
                complete = false;
                bag.Add(resolution.Ambiguous.Count > 0
                    ? DiagnosticCatalog.AmbiguousParameter(At(script, written), command.Name, written.ParameterName, resolution.Ambiguous)
                    : DiagnosticCatalog.UnknownCommandParameter(At(script, written), command.Name, written.ParameterName,
                        ParameterResolver.Suggest(command, written.ParameterName), command.Parameters.Select(p => p.Name)));
                continue;
            }

            if (written.Argument is not null || parameter.Switch)
            {
                named.Add(new NamedArgument(parameter, written, written.Argument));
            }
            else if (i + 1 < elements.Count && elements[i + 1] is not CommandParameterAst)
            {
                named.Add(new NamedArgument(parameter, written, elements[++i]));
            }
            else
            {
                complete = false;
                bag.Add(DiagnosticCatalog.ParameterArgumentMissing(At(script, written), command.Name, parameter.Name, parameter.Type));
            }
        }

        var pipeline = call.Parent as PipelineAst;
        var notFirst = pipeline is not null && pipeline.PipelineElements.Count > 0 && !ReferenceEquals(pipeline.PipelineElements[0], call);
        return new CallBinding(call, command, named, positional, complete, notFirst);
    }

    internal static Text.SourceSpan At(EmbeddedText script, Ast ast) =>
        script.Map(ast.Extent.StartLineNumber, ast.Extent.StartColumnNumber);
}
