package id.oss.livechat.server.system.security;

import id.oss.livechat.server.common.Staff;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A verified staff token: the principal is the {@link Staff} member, the authority its role. */
public class StaffAuthentication extends AbstractAuthenticationToken {
    private final Staff staff;
    private final String token;

    public StaffAuthentication(Staff staff, String token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name())));
        this.staff = staff;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Staff getPrincipal() {
        return staff;
    }
}
