using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Tests.Unattended;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_TextContainingSecret_ShouldMaskEveryOccurrence()
    {
        var redactor = new SecretRedactor(["P@ssw0rd!"]);

        redactor.Redact("login P@ssw0rd! failed; retry with P@ssw0rd!").Should().Be("login *** failed; retry with ***");
    }

    [Fact]
    public void Redact_OverlappingSecrets_ShouldMaskTheLongestWhole()
    {
        var redactor = new SecretRedactor(["abcd", "abcdefgh"]);

        redactor.Redact("x abcdefgh y").Should().Be("x *** y");
    }

    [Fact]
    public void RedactValues_ShouldMaskSecretsAndKeepOtherValues()
    {
        var values = new Dictionary<string, object?> { ["plain"] = "plain-value", ["password"] = new SecretValue("hunter2-long"), ["count"] = 42L };

        var redacted = SecretRedactor.RedactValues(values);

        redacted.Should().Equal(new Dictionary<string, object?> { ["plain"] = "plain-value", ["password"] = "***", ["count"] = 42L });
    }

    [Fact]
    public void SecretValue_ToString_ShouldNeverRevealTheValue()
    {
        new SecretValue("hunter2-long").ToString().Should().Be("***");
    }
}
