using System.Text.Json;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>
/// A run pins its bound parameter values (pinned/parameters.json) and a resume binds them again: every type, and
/// secrets (supplied again), lists and nulls (declared defaults), paths with backslashes, must come back equal.
/// </summary>
public sealed class PinnedParameterRoundTripTests
{
    /// <summary>One declared parameter and the --set text a person gave it (null: left to its default).</summary>
    public sealed record Case(ParameterType Type, string? Text, object? Default);

    [Property(MaxTest = 300, Arbitrary = [typeof(Cases)])]
    public bool Pinned_values_bind_again_to_equal_values(Case[] cases)
    {
        var runbook = RunbookWith(cases);
        var given = cases.Select((c, i) => c.Text is null ? null : $"p{i}={c.Text}").OfType<string>().ToList();
        var first = Bind(runbook, given);

        var pinned = JsonDocument.Parse(PinnedParameterValues.Serialize(first));
        var secrets = cases.Select((c, i) => (c, i)).Where(x => x.c.Type == ParameterType.Secret).Select(x => $"p{x.i}").ToHashSet(StringComparer.Ordinal);
        var suppliedAgain = given.Where(g => secrets.Contains(g[..g.IndexOf('=', StringComparison.Ordinal)]));
        var second = Bind(runbook, [.. PinnedParameterValues.ToArguments(pinned.RootElement, secrets), .. suppliedAgain]);

        return first.Keys.All(k => Same(first[k], second[k]));
    }

    [Fact]
    public void A_pinned_maintenance_window_is_saved_as_runbook_duration_text()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["maintenanceWindow"] = TimeSpan.FromHours(4) };

        var pinned = JsonDocument.Parse(PinnedParameterValues.Serialize(values)).RootElement;

        pinned.GetProperty("maintenanceWindow").GetString().Should().Be("4h");
        PinnedParameterValues.ToArguments(pinned, new HashSet<string>()).Should().Equal("maintenanceWindow=4h");
    }

    [Fact]
    public void A_secret_is_pinned_as_a_mask_and_never_read_back()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["password"] = new SecretValue("hunter2") };

        var text = PinnedParameterValues.Serialize(values);

        text.Should().NotContain("hunter2").And.Contain(SecretValue.Mask);
        PinnedParameterValues.ToArguments(JsonDocument.Parse(text).RootElement, new HashSet<string> { "password" }).Should().BeEmpty();
    }

    private static IReadOnlyDictionary<string, object?> Bind(Runbook runbook, IReadOnlyList<string> arguments)
    {
        var bag = new DiagnosticBag();
        var values = ParameterBinder.Bind(runbook, arguments, null, bag);
        bag.Items.Should().BeEmpty("the values were valid when first bound: {0}", string.Join(" ", arguments));
        return values;
    }

    private static bool Same(object? first, object? second) => (first, second) switch
    {
        (SecretValue a, SecretValue b) => a.Reveal() == b.Reveal(),
        (IEnumerable<object?> a, IEnumerable<object?> b) => a.SequenceEqual(b),
        _ => Equals(first, second),
    };

    private static Runbook RunbookWith(IReadOnlyList<Case> cases)
    {
        var span = SourceSpan.At("test.yaml", 1, 1);
        var parameters = cases.Select((c, i) => new ParameterDefinition($"p{i}", c.Type, null, c.Default, Required: false, [], null, span)).ToList();
        return new Runbook("alu/v1", RunbookKind.Runbook, new RunbookMetadata("test", "1.0.0", null, null, null, span), parameters, [], [], "test.yaml", span);
    }

    /// <summary>Generators: a value of each type as a person types it, and defaults (lists, nulls) left unset.</summary>
    public static class Cases
    {
        private static readonly Gen<string> Text = Gen.Elements("a", "Z", "0", " ", "\\", "/", ":", "=", "'", "\"", "é", "***", "-", ".", "{{", "$x", "\t")
            .ArrayOf().Select(parts => string.Concat(parts));

        public static Arbitrary<Case[]> Arbitrary() => Gen.OneOf(
                Text.Select(t => new Case(ParameterType.String, t, null)),
                Text.Select(t => new Case(ParameterType.Path, @"C:\ClusterStorage\" + t + @"\media", null)),
                Text.Where(t => t.Length > 0).Select(t => new Case(ParameterType.Secret, t, null)),
                ArbMap.Default.GeneratorFor<long>().Select(n => new Case(ParameterType.Int, n.ToString(System.Globalization.CultureInfo.InvariantCulture), null)),
                ArbMap.Default.GeneratorFor<bool>().Select(b => new Case(ParameterType.Bool, b ? "true" : "False", null)),
                Gen.Choose(0, 3 * 24 * 3600).Select(s => new Case(ParameterType.Duration, DurationParser.Format(TimeSpan.FromSeconds(s)), null)),
                Gen.Choose(1, 600).Select(m => new Case(ParameterType.Duration, $"{m / 60}h{m % 60}m", null)),
                Gen.Constant(new Case(ParameterType.Duration, null, TimeSpan.FromHours(4))),
                Gen.Constant(new Case(ParameterType.String, null, (object)new List<object?> { "node1", @"C:\x" })),
                Gen.Elements(ParameterType.String, ParameterType.Int, ParameterType.Duration, ParameterType.Path).Select(t => new Case(t, null, null)))
            .ArrayOf()
            .ToArbitrary();
    }
}
