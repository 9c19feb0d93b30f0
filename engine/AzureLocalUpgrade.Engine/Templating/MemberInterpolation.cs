using System.Globalization;
using Scriban;
using Scriban.Syntax;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Templating;

/// <summary>
/// A parsed template that is only text and <c>{{ scope.name }}</c> references (almost every step name and message:
/// "Drain {{ node.name }}"), rendered by joining the text with the values looked up in the scope's globals. A 64-node
/// plan renders thousands of these; a Scriban render costs far more than the lookups and allocates per call.
/// </summary>
/// <remarks>
/// Values are looked up as <see cref="TemplateGlobals"/> would place them, without building the globals object (a
/// 64-node compile has over a thousand scopes, and building their objects cost more than all the renders).
/// Only what is certain to print as Scriban prints it is handled here: a name present in the globals whose value is a
/// string, bool, int or long (Scriban writes these as is, "true"/"false", and in the invariant culture the engine
/// pushes). Anything else, including a missing name, returns null and the caller renders with Scriban, which also
/// reports the error exactly as before.
/// </remarks>
internal sealed class MemberInterpolation
{
    private readonly Part[] _parts;
    private readonly string?[] _texts;

    private MemberInterpolation(Part[] parts)
    {
        _parts = parts;
        _texts = new string?[parts.Length];
    }

    /// <summary>The interpolation of <paramref name="template"/>, or null when it uses more of Scriban than this handles.</summary>
    public static MemberInterpolation? TryCreate(Template template)
    {
        if (template.Page is not { FrontMatter: null, Body: { } body })
        {
            return null;
        }

        var parts = new List<Part>(body.Statements.Count);
        foreach (var statement in body.Statements)
        {
            switch (statement)
            {
                case ScriptRawStatement { IsEscape: false } raw:
                    parts.Add(new Part(raw.Text.ToString(), null, null));
                    break;
                case ScriptEscapeStatement { WhitespaceMode: ScriptWhitespaceMode.None }:
                    // The {{ and }} markers print nothing; with ~ or - they trim text, which is left to Scriban.
                    break;
                case ScriptExpressionStatement { Expression: ScriptMemberExpression { Target: ScriptVariableGlobal scope, Member: ScriptVariableGlobal member } }:
                    parts.Add(new Part(null, scope.Name, member.Name));
                    break;
                default:
                    return null;
            }
        }

        return new MemberInterpolation([.. parts]);
    }

    /// <summary>The rendered text, or null when a reference is missing or not a plain value: render with Scriban then.</summary>
    /// <param name="rendered">Texts already rendered in this compilation: an equal text is returned from it rather than made again.</param>
    public string? TryRender(TemplateScope scope, StringPool rendered)
    {
        for (var i = 0; i < _parts.Length; i++)
        {
            var part = _parts[i];
            if (part.Text is not null)
            {
                _texts[i] = part.Text;
            }
            else if (TemplateGlobals.TryGetMember(scope, part.Scope!, part.Member!, out var value) && Plain(value) is { } text)
            {
                _texts[i] = text;
            }
            else
            {
                return null;
            }
        }

        return Joined(rendered);
    }

    private string Joined(StringPool rendered)
    {
        var length = 0;
        foreach (var text in _texts)
        {
            length += text!.Length;
        }

        if (length > StringPool.StackLimit)
        {
            return rendered.Get(string.Concat(_texts.AsSpan()));
        }

        Span<char> buffer = stackalloc char[length];
        var next = 0;
        foreach (var text in _texts)
        {
            text.AsSpan().CopyTo(buffer[next..]);
            next += text!.Length;
        }

        return rendered.Get(buffer);
    }

    private static string? Plain(object? value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Literal text, or a reference to member <see cref="Member"/> of global <see cref="Scope"/>.</summary>
    private readonly record struct Part(string? Text, string? Scope, string? Member);
}
