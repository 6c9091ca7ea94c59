package io.nodeplane.api.auth;

import io.nodeplane.api.auth.AccountRequests.Done;
import io.nodeplane.api.auth.MfaRequests.DisableMfaRequest;
import io.nodeplane.api.auth.MfaRequests.MfaSetupResponse;
import io.nodeplane.api.auth.MfaRequests.RecoveryCodesResponse;
import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.security.AuthenticatedUser;
import io.nodeplane.api.web.ApiException;
import io.nodeplane.api.web.ReadYourWrites;
import io.nodeplane.command.user.UserCredentials;
import io.nodeplane.command.user.UserMfa;
import io.nodeplane.command.user.UserMfa.State;
import io.nodeplane.command.user.UserMfaCommands.DisableMfaCommand;
import io.nodeplane.command.user.UserMfaCommands.EnableMfaCommand;
import io.nodeplane.command.user.UserMfaCommands.RegenerateRecoveryCodesCommand;
import io.nodeplane.command.user.UserMfaCommands.StartMfaSetupCommand;
import io.nodeplane.query.user.UserQueryService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turning MFA on and off for the signed-in user. Codes are checked here (this side holds the key);
 * the commands re-check the state under a row lock and refuse a time step that was already used.
 */
@Service
class MfaSetup {

    private static final State NONE = new State(null, null, null, -1);

    private final UserMfa mfa;
    private final MfaSecrets secrets;
    private final UserCredentials credentials;
    private final Commands commands;
    private final UserQueryService users;
    private final Clock clock;

    MfaSetup(UserMfa mfa, MfaSecrets secrets, UserCredentials credentials, Commands commands, UserQueryService users,
             Clock clock) {
        this.mfa = mfa;
        this.secrets = secrets;
        this.credentials = credentials;
        this.commands = commands;
        this.users = users;
        this.clock = clock;
    }

    Mono<MfaSetupResponse> initiate(AuthenticatedUser user, Actor actor) {
        byte[] secret = secrets.newSecret();
        String base32 = Totp.base32(secret);
        return commands.send(new StartMfaSetupCommand(user.id(), UUID.randomUUID(), secrets.seal(user.id(), secret)), actor)
                .thenReturn(new MfaSetupResponse(base32, "otpauth://totp/Nodeplane:" + label(user.email())
                        + "?secret=" + base32 + "&issuer=Nodeplane"));
    }

    Mono<RecoveryCodesResponse> confirm(AuthenticatedUser user, String code, Actor actor) {
        return state(user.id()).flatMap(state -> {
            if (state.enabled()) {
                return Mono.error(new ApiException(HttpStatus.CONFLICT, "MFA_ALREADY_ENABLED", "Multi-factor sign-in is already enabled"));
            }
            if (state.pendingSecret() == null) {
                return Mono.error(new ApiException(HttpStatus.CONFLICT, "MFA_NOT_PENDING", "No multi-factor setup is pending"));
            }
            long step = step(user.id(), state.pendingSecret(), code);
            List<String> codes = secrets.newRecoveryCodes();
            return commands.send(new EnableMfaCommand(user.id(), state.pendingSetupId(), step, hashes(codes)), actor)
                    .then(ReadYourWrites.await(() -> users.byId(user.id()), u -> u.mfaEnabled()))
                    .thenReturn(new RecoveryCodesResponse(codes));
        });
    }

    Mono<Done> disable(AuthenticatedUser user, DisableMfaRequest r, Actor actor) {
        boolean byPassword = r.password() != null && !r.password().isEmpty();
        boolean byCode = r.code() != null && !r.code().isEmpty();
        if (byPassword == byCode) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "MFA_PROOF_REQUIRED", "Give either password or code"));
        }
        return enabledState(user.id()).flatMap(state -> byCode
                        ? Mono.just(new DisableMfaCommand(user.id(), "code", step(user.id(), state.secret(), r.code())))
                        : Mono.fromCallable(() -> credentials.verify(user.id(), r.password()))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(ok -> ok ? Mono.just(new DisableMfaCommand(user.id(), "password", -1))
                                        : Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "CURRENT_PASSWORD_INVALID",
                                                "The password is not correct"))))
                .flatMap(command -> commands.send(command, actor))
                .then(ReadYourWrites.await(() -> users.byId(user.id()), u -> !u.mfaEnabled()))
                .thenReturn(new Done(true, "Multi-factor sign-in is disabled"));
    }

    Mono<RecoveryCodesResponse> regenerate(AuthenticatedUser user, String code, Actor actor) {
        return enabledState(user.id()).flatMap(state -> {
            long step = step(user.id(), state.secret(), code);
            List<String> codes = secrets.newRecoveryCodes();
            return commands.send(new RegenerateRecoveryCodesCommand(user.id(), step, hashes(codes)), actor)
                    .thenReturn(new RecoveryCodesResponse(codes));
        });
    }

    private Mono<State> state(UUID userId) {
        return Mono.fromCallable(() -> mfa.find(userId).orElse(NONE)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<State> enabledState(UUID userId) {
        return state(userId).filter(State::enabled).switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.CONFLICT,
                "MFA_NOT_ENABLED", "Multi-factor sign-in is not enabled")));
    }

    /** The time step of a valid code for this sealed secret; 400 when the code matches none. */
    private long step(UUID userId, byte[] sealedSecret, String code) {
        return Totp.matchingStep(secrets.open(userId, sealedSecret), code, clock.instant())
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "MFA_CODE_INVALID", "The code is not valid"));
    }

    private List<String> hashes(List<String> codes) {
        return codes.stream().map(secrets::hashRecoveryCode).toList();
    }

    /** The account name of the otpauth label, percent-encoded except for what an address normally holds. */
    private static String label(String email) {
        StringBuilder out = new StringBuilder();
        for (byte b : email.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "@.-_~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
