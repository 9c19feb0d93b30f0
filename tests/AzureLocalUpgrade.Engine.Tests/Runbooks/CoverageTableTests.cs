namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// runbooks/README.md's coverage tables (the facts table and the per-seed tables) claim, row by row, a step, a test on the twin and a catalog entry. A claim must be
/// true: every named test method exists, every named command is in schemas/cmdlets, and a cell that names nothing
/// ("—") says why.
/// </summary>
public class CoverageTableTests
{
    private static readonly IReadOnlyList<CoverageRow> Rows = CoverageRow.Read(Path.Combine(RepositoryPaths.Runbooks, "README.md"));

    public static TheoryData<int> RowLines() => [.. Rows.Select(r => r.Line)];

    [Fact]
    public void The_table_has_rows()
    {
        Rows.Should().HaveCountGreaterThan(100);
    }

    [Theory]
    [MemberData(nameof(RowLines))]
    public void Every_test_a_row_names_exists(int line)
    {
        var row = Rows.Single(r => r.Line == line);
        var classes = CoverageRow.TestClasses(Path.Combine(RepositoryPaths.Root, "tests"));

        row.MissingTests(classes).Should().BeEmpty($"runbooks/README.md:{line} names tests that do not exist");
    }

    [Theory]
    [MemberData(nameof(RowLines))]
    public void Every_command_a_row_names_is_in_the_catalog(int line)
    {
        var row = Rows.Single(r => r.Line == line);
        var catalog = CoverageRow.CatalogCommands(Path.Combine(RepositoryPaths.Root, "schemas", "cmdlets"));

        row.MissingCommands(catalog).Should().BeEmpty($"runbooks/README.md:{line} names commands the catalog lacks");
    }

    [Theory]
    [MemberData(nameof(RowLines))]
    public void A_row_claims_a_step_a_test_and_a_catalog_entry_or_says_why_not(int line)
    {
        var row = Rows.Single(r => r.Line == line);

        foreach (var (name, cell, names) in new[]
        {
            ("step", row.Steps, row.Steps.Contains('`', StringComparison.Ordinal)),
            ("test", row.Tests, row.NamedTests().Any()),
            ("catalog", row.Catalog, row.NamedCommands().Any()),
        })
        {
            (names || CoverageRow.SaysWhy(cell)).Should().BeTrue($"runbooks/README.md:{line}: the {name} cell names nothing and does not say why: '{cell}'");
        }
    }

    [Fact]
    public void A_named_test_or_command_that_does_not_exist_is_caught()
    {
        var row = new CoverageRow(1, "fact", "`step`", "`QuorumWitnessTests.NoSuchMethod`, `NoSuchClassTests.*`", "`Get-ClusterQuorum`, `Get-NoSuchThing`");
        var classes = CoverageRow.TestClasses(Path.Combine(RepositoryPaths.Root, "tests"));
        var catalog = CoverageRow.CatalogCommands(Path.Combine(RepositoryPaths.Root, "schemas", "cmdlets"));

        row.MissingTests(classes).Should().Equal("QuorumWitnessTests.NoSuchMethod", "NoSuchClassTests.*");
        row.MissingCommands(catalog).Should().Equal("Get-NoSuchThing");
    }
}
