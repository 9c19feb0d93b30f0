using System.Globalization;
using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AzureLocalUpgrade.Engine.Templating;

/// <summary>
/// <see cref="ITemplateEngine"/> over Scriban: each text is parsed once and cached; rendering uses strict variables
/// (an unknown name is an error, not an empty string), the invariant culture and Scriban's builtins.
/// Not thread-safe: use one instance per compilation.
/// </summary>
/// <remarks>
/// A 64-node plan renders tens of thousands of texts, so per-render costs dominate compile time
/// (docs/performance.md): one <see cref="TemplateContext"/> is reused for every render, and only the scope's
/// globals are pushed and popped around each one. Scriban resets the context's output after each render; a render
/// that throws may leave the context's stacks unbalanced, so the context is then discarded.
/// </remarks>
public sealed partial class ScribanTemplateEngine : ITemplateEngine
{
    private readonly Dictionary<EmbeddedText, Template?> _parsed = [];
    // Texts that are only {{ scope.name }} references skip Scriban's renderer (see MemberInterpolation); null: not one.
    private readonly Dictionary<Template, MemberInterpolation?> _interpolations = new(ReferenceEqualityComparer.Instance);
    private readonly ConditionResultCache _conditionResults = new();
    // Interpolated texts of this compilation, one string per distinct value (see MemberInterpolation.TryRender).
    private readonly Text.StringPool _rendered = new();

    // Scriban's parameterless TemplateContext deep-copies all its builtin functions on every render: about 30% of
    // what compiling a 64-node plan allocated (docs/performance.md). One copy per engine, so per compilation, is shared.
    private readonly ScriptObject _builtins = TemplateContext.GetDefaultBuiltinObject();
    private TemplateContext? _context;
    // By reference: scopes are records with value equality, and comparing their dictionaries would cost more than it saves.
    private readonly Dictionary<TemplateScope, ScriptObject> _globals = new(ReferenceEqualityComparer.Instance);
    private readonly TemplateGlobals _globalsBuilder = new();

    public string? Render(EmbeddedText text, TemplateScope scope, DiagnosticBag diagnostics)
    {
        if (!text.Value.Contains("{{", StringComparison.Ordinal))
        {
            return text.Value;
        }

        var template = Parse(text, text.Value, columnShift: 0, diagnostics);
        if (template is null)
        {
            return null;
        }

        return InterpolationOf(template)?.TryRender(scope, _rendered) ?? RenderParsed(template, text, columnShift: 0, scope, diagnostics);
    }

    public bool? Evaluate(EmbeddedText condition, TemplateScope scope, DiagnosticBag diagnostics)
    {
        var key = _conditionResults.KeyOf(condition, scope);
        if (key is not null && _conditionResults.TryGet(key, out var known))
        {
            return known;
        }

        var local = new DiagnosticBag();
        var result = EvaluateWithScriban(condition, scope, local);
        diagnostics.AddRange(local.Items);
        if (key is not null && result is { } value && local.Items.Count == 0)
        {
            _conditionResults.Add(key, value);
        }

        return result;
    }

    private bool? EvaluateWithScriban(EmbeddedText condition, TemplateScope scope, DiagnosticBag diagnostics)
    {
        // A bare expression is wrapped in {{ }}; the two added characters are taken off reported columns.
        var braced = condition.Value.TrimStart().StartsWith("{{", StringComparison.Ordinal);
        var source = braced ? condition.Value : "{{" + condition.Value + "}}";
        var shift = braced ? 0 : 2;
        var template = Parse(condition, source, shift, diagnostics);
        var rendered = template is null ? null : RenderParsed(template, condition, shift, scope, diagnostics);
        switch (rendered?.Trim())
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                diagnostics.Add(DiagnosticCatalog.ConditionNotBoolean(condition.Map(1, 1), condition.Value, rendered.Trim()));
                return null;
        }
    }

    private MemberInterpolation? InterpolationOf(Template template)
    {
        if (!_interpolations.TryGetValue(template, out var interpolation))
        {
            interpolation = MemberInterpolation.TryCreate(template);
            _interpolations[template] = interpolation;
        }

        return interpolation;
    }

    private Template? Parse(EmbeddedText text, string source, int columnShift, DiagnosticBag diagnostics)
    {
        if (_parsed.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var template = Template.Parse(source);
        var ok = true;
        foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
        {
            diagnostics.Add(DiagnosticCatalog.TemplateSyntax(MapSpan(text, message.Span, columnShift), message.Message));
            ok = false;
        }

        // Scriban accepts an unclosed "{{ name" without complaint; a template must close what it opens.
        var opened = CountOf(source, "{{");
        var closed = CountOf(source, "}}");
        if (ok && opened != closed)
        {
            diagnostics.Add(DiagnosticCatalog.UnbalancedTemplateBraces(text.Map(1, 1), opened, closed));
            ok = false;
        }

        _parsed[text] = ok ? template : null;
        return ok ? template : null;
    }

    private string? RenderParsed(Template template, EmbeddedText text, int columnShift, TemplateScope scope, DiagnosticBag diagnostics)
    {
        var context = _context ??= NewContext();
        context.PushGlobal(GlobalsFor(scope));
        var completed = false;
        try
        {
            var rendered = template.Render(context);
            completed = true;
            return rendered;
        }
        catch (ScriptRuntimeException ex)
        {
            var span = MapSpan(text, ex.Span, columnShift);
            var undefined = UndefinedName().Match(ex.OriginalMessage);
            diagnostics.Add(undefined.Success
                ? DiagnosticCatalog.UndefinedTemplateVariable(span, undefined.Groups["name"].Value, TemplateGlobals.Names(scope))
                : DiagnosticCatalog.TemplateRenderFailed(span, ex.OriginalMessage));
            return null;
        }
        finally
        {
            if (completed)
            {
                context.PopGlobal();
            }
            else
            {
                _context = null;
            }
        }
    }

    private TemplateContext NewContext()
    {
        var context = new TemplateContext(_builtins) { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushCulture(CultureInfo.InvariantCulture);
        return context;
    }

    private ScriptObject GlobalsFor(TemplateScope scope)
    {
        // Steps of one node share a scope object, so its globals are built once per scope, not per step.
        if (!_globals.TryGetValue(scope, out var globals))
        {
            globals = _globalsBuilder.For(scope);
            _globals[scope] = globals;
        }

        return globals;
    }

    private static int CountOf(string text, string token)
    {
        var count = 0;
        for (var i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex("variable or function [`'](?<name>[^`']+)[`'] was not found")]
    private static partial Regex UndefinedName();

    private static Text.SourceSpan MapSpan(EmbeddedText text, SourceSpan span, int columnShift)
    {
        // Scriban positions are 0-based; EmbeddedText.Map takes 1-based ones.
        var line = span.Start.Line + 1;
        var column = span.Start.Column + 1 - (line == 1 ? columnShift : 0);
        return text.Map(line, Math.Max(1, column));
    }
}
