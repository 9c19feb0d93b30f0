using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Parses every human text and <c>when</c> condition with Scriban and walks the syntax tree for the variables
/// they use, so undefined names are found without rendering (no values exist before compile time).
/// </summary>
internal sealed class TemplateValidator(Runbook document, DiagnosticBag bag)
{
    private readonly HashSet<string>? _parameters = document.Kind == RunbookKind.Runbook ? Names(document) : null;
    private readonly HashSet<string>? _inputs = document.Kind == RunbookKind.Fragment ? Names(document) : null;

    public void CheckStep(StepVisit visit)
    {
        var step = visit.Step;
        var scope = new TemplateScope(_parameters, _inputs, visit.InsideForEach || document.Kind == RunbookKind.Fragment);
        foreach (var text in new[] { step.Name, step.Description, step.Check?.Message, step.Wait?.Message, step.Manual?.Instructions })
        {
            if (text is not null)
            {
                CheckText(text, scope);
            }
        }

        if (step.When is { } when)
        {
            CheckCondition(when, scope);
        }

        foreach (var value in step.Use?.With.Values ?? [])
        {
            if (value.IsTemplate)
            {
                CheckText(value.Text, scope);
            }
        }
    }

    private void CheckText(EmbeddedText text, TemplateScope scope)
    {
        // Scriban accepts an unclosed "{{ x" as text, so the braces are counted first.
        var opened = Count(text.Value, "{{");
        var closed = Count(text.Value, "}}");
        if (opened != closed)
        {
            bag.Add(DiagnosticCatalog.UnbalancedTemplateBraces(text.Map(1, 1), opened, closed));
            return;
        }

        Check(text, Template.Parse(text.Value), scope);
    }

    // `when` may be written with or without braces; without, it is parsed as a bare script expression.
    private void CheckCondition(EmbeddedText when, TemplateScope scope)
    {
        if (when.Value.Contains("{{", StringComparison.Ordinal) || when.Value.Contains("}}", StringComparison.Ordinal))
        {
            CheckText(when, scope);
            return;
        }

        Check(when, Template.Parse(when.Value, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly }), scope);
    }

    private void Check(EmbeddedText text, Template template, TemplateScope scope)
    {
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                bag.Add(DiagnosticCatalog.TemplateSyntax(MapPosition(text, message.Span.Start), message.Message));
            }

            return;
        }

        var walker = new TemplateVariableWalker(template.Page);
        foreach (var use in walker.Uses)
        {
            CheckUse(text, use, scope, walker.LocalNames);
        }
    }

    private void CheckUse(EmbeddedText text, TemplateVariableUse use, TemplateScope scope, IReadOnlySet<string> locals)
    {
        var at = MapPosition(text, use.Position);
        if (locals.Contains(use.Variable) || TemplateScope.Builtins.Contains(use.Variable))
        {
            return;
        }

        if (use.Variable == "node" && !scope.NodeAvailable)
        {
            bag.Add(DiagnosticCatalog.NodeVariableOutsideForEach(at));
            return;
        }

        if (!scope.Variables.Contains(use.Variable, StringComparer.Ordinal))
        {
            bag.Add(DiagnosticCatalog.UndefinedTemplateVariable(at, use.Variable, scope.Variables));
            return;
        }

        if (use.Field is not { } field)
        {
            return;
        }

        var (declared, isFieldList) = use.Variable switch
        {
            "params" => (scope.Parameters, false),
            "inputs" => (scope.Inputs, false),
            "cluster" => (TemplateScope.ClusterFields.ToHashSet(StringComparer.Ordinal), true),
            "node" => (TemplateScope.NodeFields.ToHashSet(StringComparer.Ordinal), true),
            _ => (null, false),
        };
        if (declared is null || declared.Contains(field))
        {
            return;
        }

        bag.Add(isFieldList
            ? DiagnosticCatalog.UnknownTemplateField(at, use.Variable, field, declared)
            : DiagnosticCatalog.UndefinedTemplateVariable(at, $"{use.Variable}.{field}", declared.Select(n => $"{use.Variable}.{n}")));
    }

    // Scriban positions are 0-based; EmbeddedText.Map takes the 1-based line:column inside the text.
    private static Text.SourceSpan MapPosition(EmbeddedText text, TextPosition position) =>
        text.Map(position.Line + 1, position.Column + 1);

    private static int Count(string text, string token)
    {
        var count = 0;
        for (var index = text.IndexOf(token, StringComparison.Ordinal); index >= 0; index = text.IndexOf(token, index + token.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static HashSet<string> Names(Runbook document) => document.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
}
