using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Tests.Conformance;

/// <summary>
/// The comparison the conformance test relies on, on small made-up entries: each kind of difference is reported,
/// and a declaration documented in any of the command's docsets is accepted.
/// </summary>
public sealed class SurfaceComparisonTests
{
    private const string All = ParameterAttribute.AllParameterSets;

    private static readonly CatalogCommand Reference = new(
        "Suspend-Thing", "Things.json", "docset/winserver2022-ps/Things/Suspend-Thing.md", null,
        [
            new CatalogParameter("Name", [Facts("source", [], null, new CatalogSetEntry(All, 0, false))]),
            new CatalogParameter("Mode", [
                Facts("source", ["M"], ["Fast", "Slow"], new CatalogSetEntry(All, null, false)),
                Facts("winserver2025-ps", ["M", "Speed"], ["Fast", "Slow", "Gentle"], new CatalogSetEntry(All, 1, false))]),
            new CatalogParameter("Target", [Facts("source", [], null, new CatalogSetEntry(All, null, true))]),
            new CatalogParameter("WhatIf", [Facts("source", ["wi"], null, new CatalogSetEntry(All, null, false))]),
        ],
        ["Things.Thing"]);

    /// <summary>Each case: a simulated declaration and the start of the one difference expected (null: none).</summary>
    private static readonly Dictionary<string, (SimulatedCmdlet Simulated, string? Expected)> Cases = new()
    {
        ["matching declaration"] = (Simulated(Name(), Mode(), Target()), null),
        ["alias only the 2025 page documents"] = (Simulated(Name(), Mode(aliases: ["M", "Speed"]), Target()), null),
        ["accepted values of the 2025 page"] = (Simulated(Name(), Mode(values: ["Fast", "Slow", "Gentle"]), Target()), null),
        ["position of the 2025 page"] = (Simulated(Name(), Mode(position: 1), Target()), null),
        ["extra parameter"] = (Simulated(Name(), Mode(), Target(), Parameter("Node")), "extra parameter -Node"),
        ["extra alias"] = (Simulated(Name(aliases: ["Node"]), Mode(), Target()), "-Name: extra alias 'Node'"),
        ["missing alias"] = (Simulated(Name(), Mode(aliases: []), Target()), "-Mode: missing alias 'M'"),
        ["extra accepted value"] = (Simulated(Name(), Mode(values: ["Fast", "Slow", "Reckless"]), Target()), "-Mode: extra accepted value 'Reckless'"),
        ["missing accepted value"] = (Simulated(Name(), Mode(values: ["Fast"]), Target()), "-Mode: missing accepted value 'Slow'"),
        ["any value where the reference restricts"] = (Simulated(Name(), Mode(anyValue: true), Target()), "-Mode: accepts any value"),
        ["mandatory where the reference is not"] = (Simulated(Name(mandatory: true), Mode(), Target()), "-Name: mandatory true"),
        ["another position"] = (Simulated(Name(position: 2), Mode(), Target()), "-Name: position 2"),
        ["unknown parameter set"] = (Simulated(Name(set: "ByThing"), Mode(), Target()), "-Name: parameter set 'ByThing'"),
        ["mandatory parameter left out"] = (Simulated(Name(), Mode()), "missing parameter -Target"),
        ["ShouldProcess support the reference has"] = (Simulated(Name(), Mode(), Target(), Parameter("WhatIf", ["wi"]), Parameter("Confirm", ["cf"])), null),
        ["no output type"] = (Simulated([], Name(), Mode(), Target()), "declares no output type"),
        ["another output type"] = (Simulated(["Things.Result"], Name(), Mode(), Target()), "declares output type Things.Result"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Differences_ShouldReportExactlyWhatDiffersFromTheReference(string name)
    {
        var (simulated, expected) = Cases[name];

        var differences = SurfaceComparison.Differences(simulated, Reference).ToList();

        if (expected is null)
        {
            differences.Should().BeEmpty(name);
        }
        else
        {
            differences.Should().ContainSingle(name).Which.Should().StartWith(expected);
        }
    }

    [Fact]
    public void Differences_ShouldReportASolutionOnlyCommandOfferedOnEveryNode()
    {
        var reference = Reference with { Requires = "solution-deployed" };

        SurfaceComparison.Differences(Simulated(Name(), Mode(), Target()), reference)
            .Should().ContainSingle().Which.Should().StartWith("exists on every simulated node");
    }

    private static CatalogParameterFacts Facts(string docset, string[] aliases, string[]? values, CatalogSetEntry set) =>
        new(docset, aliases, values, [set]);

    private static SimulatedCmdlet Simulated(params SimulatedParameter[] parameters) => Simulated(["Things.Thing"], parameters);

    private static SimulatedCmdlet Simulated(string[] outputs, params SimulatedParameter[] parameters) =>
        new("Suspend-Thing", parameters, outputs, SolutionOnly: false);

    private static SimulatedParameter Parameter(string name, string[]? aliases = null, string[]? values = null, string set = All, int? position = null, bool mandatory = false) =>
        new(name, aliases ?? [], values, [new SimulatedSetEntry(set, position, mandatory)]);

    private static SimulatedParameter Name(string[]? aliases = null, string set = All, int? position = 0, bool mandatory = false) =>
        Parameter("Name", aliases, null, set, position, mandatory);

    private static SimulatedParameter Mode(string[]? aliases = null, string[]? values = null, int? position = null, bool anyValue = false) =>
        Parameter("Mode", aliases ?? ["M"], anyValue ? null : values ?? ["Fast", "Slow"], All, position);

    private static SimulatedParameter Target() => Parameter("Target", mandatory: true);
}
