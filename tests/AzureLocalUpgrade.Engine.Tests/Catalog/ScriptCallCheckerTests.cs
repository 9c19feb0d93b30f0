using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.Catalog;

/// <summary>
/// Each rule of the call checker, stated as scripts over the small test catalog (TestData/catalogs/gadgets.json):
/// what it reports, where (line:column inside the script), and what it accepts as PowerShell does.
/// </summary>
public sealed class ScriptCallCheckerTests
{
    public static TheoryData<string, string> Findings() => new()
    {
        // ALU2401: not in the catalog, with a nearby name suggested.
        { "Get-Gadgett -Name a", "ALU2401 at 1:1" },
        { "$x = 1\nInvoke-Nothing", "ALU2401 at 2:1" },
        // ALU2402 / ALU2403: unknown and ambiguous names ('-P' is Path or Priority).
        { "Get-Gadget -Nmae a", "ALU2402 at 1:12" },
        { "Set-Gadget -Name a -P x", "ALU2403 at 1:20" },
        // ALU2412: a parameter that takes a value written last.
        { "Set-Gadget -Name a -Mode", "ALU2412 at 1:20" },
        // ALU2404: the mandatory -Name of the default set is missing (no pipeline input to stand in for it).
        { "Set-Gadget -Force", "ALU2404 at 1:1" },
        { "Move-Gadget -Name a", "ALU2404 at 1:1" },
        // ALU2405: -Name and -Id are in exclusive sets.
        { "Move-Gadget -Name a -Id 3 -Destination b", "ALU2405 at 1:1" },
        // ALU2406: Get-Gadget has one positional slot.
        { "Get-Gadget a b", "ALU2406 at 1:14" },
        // ALU2407: accepted values, named or positional, bare word or quoted, in a list too.
        { "Get-Gadget -State Sleeping", "ALU2407 at 1:19" },
        { "Set-Gadget a 'Slow'", "ALU2407 at 1:14" },
        { "Get-Gadget -State Up, 'Broken'", "ALU2407 at 1:23" },
        { "Get-Gadget -ErrorAction Silently", "ALU2407 at 1:25" },
        // ALU2408: properties of a documented output type.
        { "(Get-Gadget -Name a).Colour", "ALU2408 at 1:22" },
        { "Get-Gadget | Where-Object Colour", "ALU2408 at 1:27" },
        { "Get-Gadget | Where-Object { $_.Colour -eq 'red' }", "ALU2408 at 1:32" },
        { "Get-Gadget | Select-Object -ExpandProperty Colour", "ALU2408 at 1:44" },
        { "Get-Gadget | ForEach-Object { $PSItem.Colour }", "ALU2408 at 1:39" },
        { "$g = Get-Gadget -Name a\nif ($g.Colour) { }", "ALU2408 at 2:8" },
        { "Get-Gadget | Where-Object State -eq Up | ForEach-Object { $_.Colour }", "ALU2408 at 1:62" },
        { "$(Get-Gadget).Colour", "ALU2408 at 1:15" },
        // ALU2409: a command that may be absent, used before (or without) its Get-Command test.
        { "Get-Stamp", "ALU2409 at 1:1" },
        { "$v = (Get-Stamp).Version\nif (Get-Command Get-Stamp) { }", "ALU2409 at 1:7" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void Check_ShouldReport_ExactlyTheFinding(string script, string expected)
    {
        var found = CatalogChecking.Check(script, CatalogChecking.Gadgets);

        CatalogChecking.Described(found).Should().Equal([expected], string.Join(Environment.NewLine, found));
    }

    public static TheoryData<string> Accepted() =>
    [
        // Names without case, unique prefixes, aliases and common parameters with their aliases.
        "get-gadget -name a",
        "Get-Gadget -Na a",
        "Get-Gadget -GadgetName a",
        "Get-Gadget -Name a -ErrorAction SilentlyContinue -WarningAction stop -Verbose -ea Ignore -OutVariable o -PipelineVariable p",
        "Get-Gadget -Name:a -State:'down'",
        "Set-Gadget -Name a -WhatIf -Confirm:$false",
        // A set satisfied positionally, by name, or from the pipeline.
        "Set-Gadget a Fast",
        "Get-Gadget -Name a | Set-Gadget -Mode Safe",
        "Move-Gadget -Id 3 b",
        // Splatting makes the binding unknowable; values that are not constants cannot be judged.
        "$p = @{ Name = 'a' }; Set-Gadget @p",
        "Get-Gadget -State $wanted",
        "Get-Gadget -State \"$prefix\"",
        // Functions of the script, dynamic invocations and native programs by name.
        "function Get-Local { 1 }; Get-Local -Anything 1",
        "& $command -Whatever",
        ".\\setup.exe /auto upgrade /quiet",
        "C:\\Media\\setup.exe /auto upgrade",
        // Known properties, intrinsic members, methods, and reads whose type is unknown.
        "(Get-Gadget -Name a).State; (Get-Gadget).Count; (Get-Gadget).PSComputerName",
        "Get-Gadget | Where-Object { $_.Name -eq 'a' } | ForEach-Object { $_.Id }",
        "Get-Gadget | Select-Object -First 1 | Select-Object -ExpandProperty State",
        "Get-Gadget | Where-Object { $_.Name | ForEach-Object { $_.Anything } }",
        "(Get-Gadget).Name.Length; (Get-Gadget).ToString()",
        "$g = Get-Gadget; $g = 3; $g.Anything",
        "(Invoke-Thing).Anything",
        // Guarded optional commands.
        "if (Get-Command Get-Stamp -ErrorAction SilentlyContinue) { (Get-Stamp).Version }",
        "if (-not (Get-Command -Name Get-Stamp, Get-Gadget -ErrorAction SilentlyContinue)) { return }; Get-Stamp",
    ];

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_ShouldAccept_WhatPowerShellAccepts(string script)
    {
        CatalogChecking.Check(script, CatalogChecking.Gadgets).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Remove-Widget", null, true)]
    [InlineData("if (Get-Module -ListAvailable -Name Widgets) { Remove-Widget }", null, false)]
    [InlineData("Remove-Widget", "-not (Get-InstalledModule -Name Widgets -ErrorAction SilentlyContinue)", false)]
    [InlineData("Remove-Widget", "-not (Get-Command Remove-Widget -ErrorAction SilentlyContinue)", false)]
    [InlineData("Remove-Widget", "-not (Get-InstalledModule -Name Gadgets)", true)]
    [InlineData("Get-Stamp", "-not (Get-InstalledModule -Name Widgets)", true)]
    public void Check_ShouldAcceptAnOptionalCommand_TestedForInTheScriptOrItsSkipIf(string script, string? skipIf, bool reported)
    {
        var found = CatalogChecking.Check(script, CatalogChecking.Gadgets, skipIf: skipIf);

        found.Select(d => d.Code).Where(c => c == DiagnosticCodes.UnguardedCommand).Should().HaveCount(reported ? 1 : 0);
    }

    [Theory]
    [InlineData("Invoke-Thing -NewWay", null, true)]
    [InlineData("Invoke-Thing -NewWay", "22H2", true)]
    [InlineData("Invoke-Thing -NewWay", "24H2", false)]
    [InlineData("if ((Get-Command Invoke-Thing).Parameters.ContainsKey('NewWay')) { Invoke-Thing -NewWay }", null, false)]
    public void Check_ShouldWarnOfAReleaseOnlyParameter_UnlessEveryReleaseHasItOrTheScriptTestsForIt(string script, string? from, bool warns)
    {
        var upgrade = from is null ? null : new UpgradePath(from, "24H2");

        var found = CatalogChecking.Check(script, CatalogChecking.Gadgets, upgrade: upgrade);

        found.Select(d => (d.Code, d.Severity)).Should().Equal(warns ? [(DiagnosticCodes.DocsetOnlyParameter, Severity.Warning)] : []);
    }

    [Theory]
    [InlineData("Set-Gadget -Name a -ComputerName $other", TargetKind.Node, true)]
    [InlineData("$Nodes | ForEach-Object { Set-Gadget -Name a -CN $_ }", TargetKind.Node, true)]
    [InlineData("Set-Gadget -Name a -ComputerName $Node", TargetKind.Node, false)]
    [InlineData("Set-Gadget -Name a -ComputerName localhost", TargetKind.Node, false)]
    [InlineData("Set-Gadget -Name a -ComputerName $env:COMPUTERNAME", TargetKind.Node, false)]
    [InlineData("Set-Gadget -Name a -ComputerName $other", TargetKind.Cluster, false)]
    [InlineData("Set-Gadget -Name a -ComputerName $other", TargetKind.Orchestrator, false)]
    public void Check_ShouldWarnOfASecondHop_OnlyFromANodeSessionToAnotherMachine(string script, TargetKind on, bool warns)
    {
        var found = CatalogChecking.Check(script, CatalogChecking.Gadgets, on);

        found.Select(d => (d.Code, d.Severity)).Should().Equal(warns ? [(DiagnosticCodes.SecondHop, Severity.Warning)] : []);
    }

    [Theory]
    [InlineData("Get-Gadgett", "Did you mean Get-Gadget?")]
    [InlineData("Get-Gadget -Nmae a", "Did you mean -Name?")]
    [InlineData("Get-Gadget -State Dwon", "Did you mean 'Down'? Accepted values: Up, Down, Paused.")]
    [InlineData("(Get-Gadget).Stat", "Did you mean State? Its properties: Id, Name, State.")]
    [InlineData("Set-Gadget -Name a -P x", "Write enough of the name to tell them apart.")]
    [InlineData("Move-Gadget -Name a", "Set 'ByName' takes -Name, -Destination and needs -Name, -Destination.")]
    public void Check_ShouldHint_TheAcceptedNamesAndTheNearestOne(string script, string hint)
    {
        CatalogChecking.Check(script, CatalogChecking.Gadgets).Should().ContainSingle().Which.Hint.Should().Contain(hint);
    }
}
