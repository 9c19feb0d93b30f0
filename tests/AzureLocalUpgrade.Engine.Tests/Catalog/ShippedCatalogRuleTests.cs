using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Validation.Catalog;

namespace AzureLocalUpgrade.Engine.Tests.Catalog;

/// <summary>
/// The rules hold for every command of the shipped catalog, not only the ones the runbooks happen to call: each case
/// is generated from the catalog's own data (a misspelt parameter of every cmdlet, a wrong value of every parameter
/// with accepted values, every mandatory parameter left out, every documented output type read wrongly), and a call
/// that gives each parameter set exactly what it needs is accepted.
/// </summary>
public sealed class ShippedCatalogRuleTests
{
    private static IEnumerable<CatalogCommand> Checked =>
        CatalogChecking.Shipped.CommandNames.Order(StringComparer.Ordinal)
            .Select(name => CatalogChecking.Shipped.Command(name)!)
            .Where(c => c.Kind != CatalogCommandKind.Application);

    public static TheoryData<string> Commands() => [.. Checked.Select(c => c.Name)];

    public static TheoryData<string, string> ParametersWithAcceptedValues() =>
        Pairs(Checked.SelectMany(c => c.Parameters.Where(p => p.AcceptedValues is { Count: > 0 } && !p.Switch).Select(p => (c.Name, p.Name))));

    public static TheoryData<string, string> CallsWithEachSetSatisfied() =>
        Pairs(Checked.SelectMany(c => SetsOf(c).Select(set => (c.Name, set))));

    private static TheoryData<string, string> Pairs(IEnumerable<(string, string)> pairs)
    {
        var data = new TheoryData<string, string>();
        foreach (var (first, second) in pairs)
        {
            data.Add(first, second);
        }

        return data;
    }

    public static TheoryData<string> CommandsNeedingAParameter() =>
        [.. Checked.Where(c => SetsOf(c).All(set => c.Parameters.Any(p => p.In(set) is { Mandatory: true })))
            .Select(c => c.Name)];

    public static TheoryData<string> CommandsWithDocumentedOutput() =>
        [.. Checked.Where(c => KnownOutput.Of(c, CatalogChecking.Shipped) is not null && !SetsOf(c).All(set => c.Parameters.Any(p => p.In(set) is { Mandatory: true })))
            .Select(c => c.Name)];

    public static TheoryData<string> CommandsThatMayBeAbsent() =>
        [.. Checked.Where(c => c.Requires is not null).Select(c => c.Name)];

    [Fact]
    public void ShippedCatalog_ShouldLoadWithoutProblems()
    {
        _ = ShippedCatalog.Parsed;

        ShippedCatalog.Problems.Should().BeEmpty();
        CatalogChecking.Shipped.IsEmpty.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void AnyCommand_WithAMisspeltParameter_ShouldBeReported(string command)
    {
        var found = Check($"{command} -ZzNoSuchParameter 1");

        found.Should().Contain(d => d.Code == DiagnosticCodes.UnknownCommandParameter && d.Span.Column == Offset(command) + 1);
    }

    [Theory]
    [MemberData(nameof(ParametersWithAcceptedValues))]
    public void AnyParameterWithAcceptedValues_GivenAnotherValue_ShouldBeReported(string command, string parameter)
    {
        var found = Check($"{command} -{parameter} 'ZzNotAValue'");

        found.Should().Contain(d => d.Code == DiagnosticCodes.ValueNotAccepted && d.Span.Column == Offset(command) + parameter.Length + 3);
    }

    [Theory]
    [MemberData(nameof(CallsWithEachSetSatisfied))]
    public void AnyCommand_GivenWhatOneOfItsSetsNeeds_ShouldBeAccepted(string command, string set)
    {
        var entry = CatalogChecking.Shipped.Command(command)!;
        var arguments = entry.Parameters.Where(p => p.In(set) is { Mandatory: true })
            .Select(p => p.Switch ? $"-{p.Name}" : $"-{p.Name} {(p.AcceptedValues is { Count: > 0 } values ? values[0] : "$value")}");

        // A set whose mandatory parameter some releases lack (ForEach-Object -Parallel on 5.1) may warn, never fail.
        Check($"{command} {string.Join(' ', arguments)}").Where(d => d.Code != DiagnosticCodes.DocsetOnlyParameter).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(CommandsNeedingAParameter))]
    public void AnyCommandWithMandatoryParameters_CalledWithNone_ShouldBeReported(string command)
    {
        Check(command).Should().Contain(d => d.Code == DiagnosticCodes.MandatoryParameterMissing);
    }

    [Theory]
    [MemberData(nameof(CommandsWithDocumentedOutput))]
    public void AnyDocumentedOutput_ReadForAPropertyItDoesNotHave_ShouldBeReported(string command)
    {
        var found = Check($"({command}).ZzNoSuchProperty");

        found.Should().Contain(d => d.Code == DiagnosticCodes.UnknownOutputProperty);
    }

    [Theory]
    [MemberData(nameof(CommandsThatMayBeAbsent))]
    public void AnyCommandThatMayBeAbsent_CalledWithoutATest_ShouldBeReported(string command)
    {
        var found = CatalogChecking.Check($"{command} @arguments", CatalogChecking.Shipped);

        CatalogChecking.Described(found).Should().Equal("ALU2409 at 1:1");
    }

    private static IEnumerable<string> SetsOf(CatalogCommand command) =>
        command.SetNames.Count == 0 ? [CatalogParameterSet.AllSets] : command.SetNames;

    // Calls are checked inside a Get-Command test, so commands that may be absent are judged only on the rule at hand.
    private static string Guard(string command) => $"if (Get-Command {command}) {{ ";

    private static int Offset(string command) => Guard(command).Length + command.Length + 1;

    private static IReadOnlyList<Diagnostic> Check(string call)
    {
        var command = call.Split(' ', 2)[0].TrimStart('(').TrimEnd(')').Split(')')[0];
        return CatalogChecking.Check($"{Guard(command)}{call} }}", CatalogChecking.Shipped);
    }
}
