package dev.covenant.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page that needs a signed-in person: an anonymous visitor is sent to sign in and back, rather than shown the
 * 401 page. For pages people reach from a link of their own, such as {@code /me}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RedirectToSignIn {
}
