package org.hanse.app.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Typed request records: Bean Validation and binding errors come back as problem+json naming each path. */
class ValidationProblemsTest {

    record Line(@NotBlank String material, @DecimalMin(value = "0", inclusive = false) BigDecimal quantity) {
    }

    record Request(@NotBlank @Size(max = 8) String id, @NotEmpty List<@Valid Line> lines) {
    }

    @RestController
    static class Echo {
        @PostMapping("/echo")
        String echo(@Valid @RequestBody Request request) {
            return request.id();
        }
    }

    final MockMvc mvc;

    ValidationProblemsTest() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new Echo()).setControllerAdvice(new ValidationProblems(), new ApiProblems())
                .setValidator(validator).build();
    }

    @Test
    void eachViolatedFieldIsNamedByItsPath() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"far-too-long\",\"lines\":[{\"material\":\"\",\"quantity\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].path").value("id"))
                .andExpect(jsonPath("$.errors[1].path").value("lines[0].material"))
                .andExpect(jsonPath("$.errors[2].path").value("lines[0].quantity"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPath() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"a\",\"lines\":[{\"material\":\"m\",\"quantity\":\"lots\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].path").value("lines[0].quantity"));
    }

    @Test
    void aValidRequestPasses() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"a\",\"lines\":[{\"material\":\"m\",\"quantity\":1.5}]}"))
                .andExpect(status().isOk());
    }
}
