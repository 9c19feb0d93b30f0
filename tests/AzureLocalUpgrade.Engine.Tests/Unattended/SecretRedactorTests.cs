using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Secrets;

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
    public void Redact_VeryShortSecret_ShouldMaskOnlyExactValue()
    {
        var redactor = new SecretRedactor(["ab"]);

        redactor.Redact("abc").Should().Be("abc");
        redactor.Redact("ab").Should().Be("***");
    }

    [Fact]
    public void For_ParameterValues_ShouldCollectOnlySecrets()
    {
        var redactor = SecretRedactor.For(["plain-value", new SecretValue("hunter2-long"), 42L]);

        redactor.Redact("plain-value hunter2-long").Should().Be("plain-value ***");
    }

    [Fact]
    public void SecretValue_ToString_ShouldNeverRevealTheValue()
    {
        new SecretValue("hunter2-long").ToString().Should().Be("***");
    }
}
