using Scriban.Syntax;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Collects the global variables a Scriban template reads (and the first member read from each), plus the names
/// the template defines itself (loop variables, assignments), which are not errors.
/// </summary>
internal sealed class TemplateVariableWalker
{
    private readonly List<TemplateVariableUse> _uses = [];
    private readonly HashSet<string> _locals = new(StringComparer.Ordinal);

    public TemplateVariableWalker(ScriptNode? root)
    {
        CollectLocals(root);
        Visit(root);
    }

    public IReadOnlyList<TemplateVariableUse> Uses => _uses;

    public IReadOnlySet<string> LocalNames => _locals;

    private void CollectLocals(ScriptNode? node)
    {
        if (node is null)
        {
            return;
        }

        switch (node)
        {
            case ScriptForStatement { Variable: ScriptVariable loopVariable }:
                _locals.Add(loopVariable.Name);
                break;
            case ScriptAssignExpression { Target: ScriptVariable target }:
                _locals.Add(target.Name);
                break;
        }

        foreach (var child in node.Children)
        {
            CollectLocals(child);
        }
    }

    private void Visit(ScriptNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptMemberExpression { Target: ScriptVariableGlobal target } member:
                // The member name is parsed as a variable node too; it is a field, not a global.
                _uses.Add(new TemplateVariableUse(target.Name, member.Member?.Name, target.Span.Start));
                return;
            case ScriptMemberExpression member:
                Visit(member.Target);
                return;
            case ScriptVariableGlobal variable:
                _uses.Add(new TemplateVariableUse(variable.Name, null, variable.Span.Start));
                return;
        }

        foreach (var child in node.Children)
        {
            Visit(child);
        }
    }
}
