using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Templating;

/// <summary>
/// Results of <c>when</c> conditions by the values they read. A condition inside a forEach is evaluated once per node
/// (and per fragment call), each time through Scriban, though it nearly always reads the same few values
/// (<c>inputs.source == "media"</c>, <c>params.enableSecureBoot</c>). A condition made only of <c>params.x</c>,
/// <c>inputs.x</c> and <c>cluster.x</c> references, literals and operators is a function of those values alone,
/// so its result is kept under the condition and the values; any other condition, or a value that is not a plain
/// string, bool or number, is always evaluated. Only clean results are added, so an error is reported every time.
/// </summary>
internal sealed partial class ConditionResultCache
{
    private readonly Dictionary<EmbeddedText, (string Scope, string Member)[]?> _references = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Key, bool> _results = [];

    /// <summary>The key of this condition in this scope, or null when its result must not be cached.</summary>
    public Key? KeyOf(EmbeddedText condition, TemplateScope scope)
    {
        var references = ReferencesOf(condition);
        if (references is null)
        {
            return null;
        }

        var values = new object?[references.Length];
        for (var i = 0; i < references.Length; i++)
        {
            if (!TemplateGlobals.TryGetMember(scope, references[i].Scope, references[i].Member, out var value)
                || value is not (string or bool or int or long))
            {
                return null;
            }

            values[i] = value;
        }

        return new Key(condition, values);
    }

    public bool TryGet(Key key, out bool result) => _results.TryGetValue(key, out result);

    public void Add(Key key, bool result) => _results[key] = result;

    private (string Scope, string Member)[]? ReferencesOf(EmbeddedText condition)
    {
        if (!_references.TryGetValue(condition, out var references))
        {
            references = OnlyReferencesAndLiterals().IsMatch(condition.Value)
                ? [.. Reference().Matches(condition.Value).Select(m => (m.Groups["scope"].Value, m.Groups["member"].Value))]
                : null;
            _references[condition] = references;
        }

        return references;
    }

    /// <summary>A condition (by reference) and the values of its references, in order of appearance.</summary>
    internal sealed class Key(EmbeddedText condition, object?[] values) : IEquatable<Key>
    {
        private readonly EmbeddedText _condition = condition;
        private readonly object?[] _values = values;

        public bool Equals(Key? other) =>
            other is not null && ReferenceEquals(_condition, other._condition) && _values.AsSpan().SequenceEqual(other._values);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_condition));
            foreach (var value in _values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }

    // Tokens: scope.name references, quoted strings, numbers, true/false, comparison and logical operators,
    // parentheses and the {{ }} braces. Any other name (node, a function such as date.now) keeps Scriban.
    [GeneratedRegex("""^(?:\s+|\{\{|\}\}|(?:params|inputs|cluster)\.[A-Za-z_][A-Za-z0-9_]*\b(?!\.)|"[^"{}]*"|'[^'{}]*'|[0-9]+\b|true\b|false\b|==|!=|<=|>=|<|>|!|&&|\|\||\(|\))*$""")]
    private static partial Regex OnlyReferencesAndLiterals();

    [GeneratedRegex("""(?<scope>params|inputs|cluster)\.(?<member>[A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex Reference();
}
