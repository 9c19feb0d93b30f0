using System.Management.Automation.Language;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// Reports a property read from a command's output that its documented output type does not have (ALU2408):
/// <c>(Cmd).Prop</c>, <c>$x = Cmd; $x.Prop</c>, and down a pipeline through Where-Object (a property name or
/// <c>{ $_.Prop }</c>), ForEach-Object <c>{ $_.Prop }</c>, Select-Object/Sort-Object/Group-Object/Measure-Object property
/// names. Objects pass unchanged through Where-Object, Sort-Object and Select-Object with only -First/-Last/-Skip/-Unique.
/// </summary>
internal sealed class OutputPropertyChecker(CmdletCatalog catalog, IReadOnlyDictionary<CommandAst, CallBinding> bindings, EmbeddedText script, DiagnosticBag bag)
{
    private static readonly HashSet<string> PassThrough = new(StringComparer.OrdinalIgnoreCase) { "Where-Object", "Sort-Object" };
    private static readonly HashSet<string> SelectKeepsObjects = new(StringComparer.OrdinalIgnoreCase) { "First", "Last", "Skip", "SkipLast", "Unique", "Index", "SkipIndex", "Wait", "CaseInsensitive" };
    private static readonly HashSet<string> PropertyNamers = new(StringComparer.OrdinalIgnoreCase) { "Where-Object", "Select-Object", "Sort-Object", "Group-Object", "Measure-Object" };

    private readonly Dictionary<string, (KnownOutput Output, int Offset)> _variables = new(StringComparer.OrdinalIgnoreCase);

    public void Check(ScriptBlockAst root)
    {
        TrackVariables(root);
        foreach (var pipeline in root.FindAll(a => a is PipelineAst, true).Cast<PipelineAst>())
        {
            CheckPipeline(pipeline);
        }

        foreach (var member in root.FindAll(a => a is MemberExpressionAst and not InvokeMemberExpressionAst, true).Cast<MemberExpressionAst>())
        {
            if (!member.Static && member.Member is StringConstantExpressionAst name && OfExpression(member.Expression, member.Extent.StartOffset) is { } known)
            {
                Report(known, name.Value, name);
            }
        }
    }

    // A variable assigned exactly once from a pipeline of known output: '$x = Get-ClusterNode -Name $Node'.
    private void TrackVariables(ScriptBlockAst root)
    {
        var assignments = root.FindAll(a => a is AssignmentStatementAst, true).Cast<AssignmentStatementAst>()
            .Select(a => (Assignment: a, Name: AssignedName(a.Left)))
            .Concat(root.FindAll(a => a is ForEachStatementAst, true).Cast<ForEachStatementAst>().Select(f => ((AssignmentStatementAst)null!, (string?)f.Variable.VariablePath.UserPath)))
            .Where(a => a.Item2 is not null)
            .GroupBy(a => a.Item2!, StringComparer.OrdinalIgnoreCase);
        foreach (var group in assignments)
        {
            if (group.Count() == 1 && group.Single().Item1 is { Operator: TokenKind.Equals, Left: VariableExpressionAst, Right: PipelineAst pipeline } assignment
                && OfPipeline(pipeline) is { } known)
            {
                _variables[group.Key] = (known, assignment.Extent.EndOffset);
            }
        }
    }

    private static string? AssignedName(ExpressionAst left) => left switch
    {
        VariableExpressionAst variable => variable.VariablePath.UserPath,
        ConvertExpressionAst { Child: VariableExpressionAst variable } => variable.VariablePath.UserPath,
        _ => null,
    };

    private KnownOutput? OfExpression(ExpressionAst expression, int offset) => expression switch
    {
        ParenExpressionAst { Pipeline: PipelineAst pipeline } => OfPipeline(pipeline),
        SubExpressionAst { SubExpression.Statements: [PipelineAst pipeline] } => OfPipeline(pipeline),
        VariableExpressionAst variable when _variables.TryGetValue(variable.VariablePath.UserPath, out var tracked) && tracked.Offset <= offset => tracked.Output,
        _ => null,
    };

    private KnownOutput? OfPipeline(PipelineAst pipeline)
    {
        KnownOutput? flowing = null;
        foreach (var element in pipeline.PipelineElements)
        {
            flowing = OfElement(element, flowing);
        }

        return flowing;
    }

    private KnownOutput? OfElement(CommandBaseAst element, KnownOutput? incoming) => element switch
    {
        CommandExpressionAst { Expression: var expression } => OfExpression(expression, element.Extent.StartOffset),
        CommandAst call when bindings.GetValueOrDefault(call) is { } binding => OfCall(binding, incoming),
        _ => null,
    };

    private KnownOutput? OfCall(CallBinding binding, KnownOutput? incoming)
    {
        var name = binding.Command.Name;
        if (PassThrough.Contains(name))
        {
            return incoming;
        }

        if (name.Equals("Select-Object", StringComparison.OrdinalIgnoreCase))
        {
            return binding.Positional.Count == 0 && binding.Named.All(n => SelectKeepsObjects.Contains(n.Parameter.Name) || CommonParameters.IsCommon(n.Parameter)) ? incoming : null;
        }

        return KnownOutput.Of(binding.Command, catalog);
    }

    private void CheckPipeline(PipelineAst pipeline)
    {
        KnownOutput? flowing = null;
        foreach (var element in pipeline.PipelineElements)
        {
            if (flowing is not null && element is CommandAst call && bindings.GetValueOrDefault(call) is { } binding)
            {
                CheckConsumer(binding, flowing);
            }

            flowing = OfElement(element, flowing);
        }
    }

    // What a pipeline cmdlet reads from each incoming object: property names and '$_.Name' inside its script blocks.
    private void CheckConsumer(CallBinding binding, KnownOutput incoming)
    {
        var name = binding.Command.Name;
        var blocks = binding.Positional.OfType<ScriptBlockExpressionAst>()
            .Concat(binding.Named.Where(n => n.Parameter.Name is "FilterScript" or "Process").Select(n => n.Value).OfType<ScriptBlockExpressionAst>());
        if (name.Equals("Where-Object", StringComparison.OrdinalIgnoreCase) || name.Equals("ForEach-Object", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var block in blocks)
            {
                CheckCurrentObjectReads(block.ScriptBlock, incoming);
            }
        }

        if (!PropertyNamers.Contains(name))
        {
            return;
        }

        var named = binding.Named.Where(n => n.Parameter.Name is "Property" or "ExpandProperty").Select(n => n.Value);
        var first = binding.Positional.Take(1).Where(p => p is not ScriptBlockExpressionAst);
        foreach (var value in named.Concat(first).OfType<Ast>())
        {
            foreach (var property in PropertyNames(value))
            {
                Report(incoming, property.Value, property);
            }
        }
    }

    // '$_.Name' and '$PSItem.Name' whose nearest script block is this one (an inner block has its own $_).
    private void CheckCurrentObjectReads(ScriptBlockAst block, KnownOutput incoming)
    {
        foreach (var member in block.FindAll(a => a is MemberExpressionAst and not InvokeMemberExpressionAst, true).Cast<MemberExpressionAst>())
        {
            if (member is { Static: false, Expression: VariableExpressionAst variable, Member: StringConstantExpressionAst name }
                && variable.VariablePath.UserPath.ToUpperInvariant() is "_" or "PSITEM"
                && NearestBlock(member) == block)
            {
                Report(incoming, name.Value, name);
            }
        }
    }

    private static ScriptBlockAst? NearestBlock(Ast ast)
    {
        for (var current = ast.Parent; current is not null; current = current.Parent)
        {
            if (current is ScriptBlockAst block)
            {
                return block;
            }
        }

        return null;
    }

    // Literal property names only: a wildcard or a calculated property (a hashtable) may name anything.
    private static IEnumerable<StringConstantExpressionAst> PropertyNames(Ast value) => value switch
    {
        StringConstantExpressionAst text when text.Value.IndexOfAny(['*', '?', '[']) < 0 => [text],
        ArrayLiteralAst array => array.Elements.SelectMany(PropertyNames),
        _ => [],
    };

    private void Report(KnownOutput known, string property, Ast at)
    {
        if (!known.Has(property))
        {
            bag.Add(DiagnosticCatalog.UnknownOutputProperty(CallBinder.At(script, at), known.Command, property,
                known.Types.Select(t => t.Name), Suggestions.Closest(property, known.Properties), known.Properties));
        }
    }
}
