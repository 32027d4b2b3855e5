namespace Normalizer.Identity;

/// <summary>A new scoped ID (<paramref name="Current"/>) found to be the person of a stale one (<paramref name="Previous"/>).</summary>
/// <param name="Current">The contact of the new ID, as linked (the person's id, the ASID when known).</param>
/// <param name="Previous">The contact it replaces.</param>
/// <param name="Method">What linked them (<see cref="RelinkMethod"/>).</param>
public sealed record Relink(Contact Current, Contact Previous, string Method)
{
    /// <summary><see cref="RelinkConfidence.Confirmed"/> or <see cref="RelinkConfidence.ProfileMatch"/>.</summary>
    public string Confidence => RelinkMethod.ConfidenceOf(Method);
}
