using FluentValidation;
using MediatR;
using Normalizer.Events;

namespace Normalizer.Ingest.Behaviors;

/// <summary>First: an invalid event is rejected (and quarantined by the caller) before anything is stored.</summary>
internal sealed class ValidationBehavior(IValidator<NormalizedEvent> validator) : IPipelineBehavior<ProcessEvent, ProcessEventResult>
{
    public async Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken,
        RequestHandlerDelegate<ProcessEventResult> next)
    {
        var check = await validator.ValidateAsync(request.Event, cancellationToken).ConfigureAwait(false);
        return check.IsValid ? await next().ConfigureAwait(false) : ProcessEventResult.Rejected(check.Errors.Select(e => e.ErrorMessage));
    }
}
